import { todayLocal } from '@relance/shared/dates';
import type { Language } from '@relance/shared/vocabulary';
import type { Send } from '../../lib/messages';
import { guard, reportError } from '../shared/guard';
import { OnDemand } from '../shared/onDemand';
import type { WebmailAdapter } from './adapters/types';
import { ComposeWatcher } from './compose/composeWatcher';
import { SendDetector } from './compose/sendDetector';
import { AddressPrompts } from './matching/addressPrompts';
import { ClientMatcher } from './matching/clientMatcher';
import { webmailTranslator } from './panel/strings';
import { ComposeSession } from './session';
import type { WebmailUi } from './ui';
import type { WebmailUiLoader } from './uiLoader';

export interface WebmailOverlayOptions {
  doc: Document;
  adapter: WebmailAdapter;
  send: Send;
  lang: Language;
  /** Runs `webmail-ui.js` (the address line, the health outline); tests import it directly. */
  loadUi: () => Promise<WebmailUi>;
  now?: () => Date;
  /** Replaces the per-frame batching of the compose watcher (tests flush by hand). */
  batcher?: (flush: () => void) => () => void;
}

/**
 * The webmail overlay on one page: every open compose window gets a session (panel, insertion,
 * sent detection), from the moment it opens until it closes. On a page without compose windows
 * nothing is added and nothing is asked.
 */
export class WebmailOverlay {
  private readonly sessions = new Map<Element, ComposeSession>();
  /** Closed windows still finishing their work (logging a sent reminder). */
  private readonly closing = new Set<ComposeSession>();
  private readonly watcher: ComposeWatcher;
  private readonly detector: SendDetector;
  private readonly matcher: ClientMatcher;
  private readonly prompts: AddressPrompts;
  private readonly ui: WebmailUiLoader;
  private readonly onSelection = guard('webmail.selection', () => this.selectionChanged());
  /** Back to the tab: a teammate may have reminded a client meanwhile (the sync brought it). */
  private readonly onFocus = guard('webmail.focus', () => this.clientsChanged());

  constructor(private readonly options: WebmailOverlayOptions) {
    const { doc, adapter } = options;
    const now = options.now ?? (() => new Date());
    this.matcher = new ClientMatcher(options.send, () => now().getTime());
    this.prompts = new AddressPrompts(options.send);
    this.ui = new OnDemand(doc, options.loadUi);
    const t = webmailTranslator(options.lang);
    this.watcher = new ComposeWatcher({
      doc,
      adapter,
      batcher: options.batcher,
      onOpened: (root) => {
        this.ui.preload((error) => reportError('webmail.ui.preload', error));
        const session = new ComposeSession(root, {
          doc,
          adapter,
          send: options.send,
          matcher: this.matcher,
          t,
          today: () => todayLocal(now()),
          prompts: this.prompts,
          ui: this.ui,
          onClientsChanged: () => this.clientsChanged(),
        });
        this.sessions.set(root, session);
        session.refresh();
      },
      onChanged: (root) => this.sessions.get(root)?.refresh(),
      onClosed: (root) => {
        const session = this.sessions.get(root);
        // Sent (a send was asked for just before) → onSent logs it; otherwise the draft just closed.
        this.detector.closed(root);
        this.sessions.delete(root);
        if (!session) return;
        session.close();
        this.closing.add(session);
        void session.idle().then(() => this.closing.delete(session));
      },
    });
    this.detector = new SendDetector({
      doc,
      adapter,
      roots: () => this.watcher.roots(),
      recheck: () => this.watcher.flush(),
      onSent: (root, message) => this.sessions.get(root)?.sent(message),
      now: () => now().getTime(),
    });
  }

  start(): void {
    this.watcher.start();
    this.detector.start();
    this.options.doc.addEventListener('selectionchange', this.onSelection);
    this.options.doc.defaultView?.addEventListener('focus', this.onFocus);
  }

  stop(): void {
    this.ui.stop();
    this.watcher.stop();
    this.detector.stop();
    this.options.doc.removeEventListener('selectionchange', this.onSelection);
    this.options.doc.defaultView?.removeEventListener('focus', this.onFocus);
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }

  /** Checks the page now (tests; the watcher otherwise does it once per frame). */
  flush(): void {
    this.watcher.flush();
  }

  /** Resolves when every session has handled what it asked for (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.sessions.values(), ...this.closing].map((s) => s.idle()));
  }

  /** A reminder logged or an address linked: the other windows' panels ask again. */
  private clientsChanged(): void {
    this.matcher.forget();
    for (const session of this.sessions.values()) session.refresh(true);
  }

  private selectionChanged(): void {
    const selection = this.options.doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const anchor = selection.anchorNode;
    if (!anchor) return;
    for (const session of this.sessions.values()) {
      const body = session.body;
      if (body?.contains(anchor)) {
        session.rememberCaret(selection.getRangeAt(0).cloneRange());
        return;
      }
    }
  }
}
