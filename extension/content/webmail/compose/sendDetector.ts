import { guard } from '../../shared/guard';
import type { Recipient, WebmailAdapter } from '../adapters/types';

/** What the compose window said at the moment the person sent it (it is gone right after). */
export interface SentMessage {
  subject: string;
  recipients: Recipient[];
}

/** How long a send may take to close the compose window; longer means the webmail refused it. */
export const SEND_CONFIRM_MS = 20_000;
/** While a send waits for its window to close, how often we look. */
export const SEND_POLL_MS = 200;

interface Tracked {
  /** A send was asked for at this time, with this content. */
  send: { at: number; message: SentMessage } | null;
}

export interface SendDetectorOptions {
  doc: Document;
  adapter: WebmailAdapter;
  /** The compose windows open now (the watcher's). */
  roots(): Element[];
  /** A compose window closed after its send: the message went out. */
  onSent(root: Element, message: SentMessage): void;
  /** Looks again at the open windows (the watcher's flush): a sent window may close quietly. */
  recheck(): void;
  now?: () => number;
}

/**
 * Tells a sent message from a discarded draft. A send is asked for by the send button (click,
 * or Enter/Space on it) or Ctrl/Cmd+Enter in the window; it is confirmed when the window then
 * closes. The discard button or shortcut, or a window closed without a send (saved as a draft),
 * log nothing. Listeners run in the capture phase, before the webmail's own, while the window is
 * still there to be read.
 */
export class SendDetector {
  private readonly tracked = new WeakMap<Element, Tracked>();
  private poll: ReturnType<typeof setInterval> | null = null;
  private readonly listeners: [string, (event: Event) => void][] = [];
  private readonly now: () => number;

  constructor(private readonly options: SendDetectorOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.listeners.length > 0) return;
    const onPointer = guard('webmail.send.pointer', (event: Event) => this.onPointer(event as MouseEvent));
    const onKey = guard('webmail.send.key', (event: Event) => this.onKey(event as KeyboardEvent));
    // mouseup as well as click: a webmail that acts on mouseup removes the button before any click.
    this.listeners.push(['mouseup', onPointer], ['click', onPointer], ['keydown', onKey]);
    for (const [type, listener] of this.listeners) this.options.doc.addEventListener(type, listener, true);
  }

  stop(): void {
    for (const [type, listener] of this.listeners) this.options.doc.removeEventListener(type, listener, true);
    this.listeners.length = 0;
    this.stopPolling();
  }

  /** A compose window closed: sent when a send was asked for shortly before. */
  closed(root: Element): void {
    const send = this.tracked.get(root)?.send;
    this.tracked.delete(root);
    if (send && this.now() - send.at <= SEND_CONFIRM_MS) this.options.onSent(root, send.message);
  }

  /** A send was asked for in this window and is waiting for the window to close. */
  isSending(root: Element): boolean {
    return !!this.tracked.get(root)?.send;
  }

  private onPointer(event: MouseEvent): void {
    if (event.button !== 0) return;
    const target = targetElement(event);
    const root = target && this.rootOf(target);
    if (!root || !target) return;
    if (this.options.adapter.isSendControl(target, root)) this.sendAsked(root);
    else if (event.type === 'click' && this.options.adapter.isDiscardControl(target, root))
      this.discarded(root);
  }

  private onKey(event: KeyboardEvent): void {
    const target = targetElement(event);
    const root = target && this.rootOf(target);
    if (!root || !target) return;
    const { adapter } = this.options;
    const isEnter = event.key === 'Enter';
    if (isEnter && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
      this.sendAsked(root);
    } else if ((isEnter || event.key === ' ') && adapter.isSendControl(target, root)) {
      this.sendAsked(root);
    } else if ((isEnter || event.key === ' ') && adapter.isDiscardControl(target, root)) {
      this.discarded(root);
    } else if (adapter.isDiscardShortcut(event)) {
      this.discarded(root);
    }
  }

  private rootOf(target: Element): Element | null {
    return this.options.roots().find((root) => root.contains(target)) ?? null;
  }

  private sendAsked(root: Element): void {
    const { adapter } = this.options;
    const message: SentMessage = {
      subject: adapter.subject(root)?.value.trim() ?? '',
      recipients: adapter.recipients(root),
    };
    this.tracked.set(root, { send: { at: this.now(), message } });
    this.startPolling();
  }

  private discarded(root: Element): void {
    this.tracked.set(root, { send: null });
  }

  /** A send closes its window within moments; we look until it does or the wait is over. */
  private startPolling(): void {
    if (this.poll) return;
    const win = this.options.doc.defaultView ?? globalThis;
    this.poll = win.setInterval(
      guard('webmail.send.poll', () => {
        this.options.recheck();
        const waiting = this.options.roots().filter((root) => this.isSending(root));
        for (const root of waiting) {
          const send = this.tracked.get(root)?.send;
          // Still open long after the send: the webmail refused it (no recipient...); forget it.
          if (send && this.now() - send.at > SEND_CONFIRM_MS) this.tracked.set(root, { send: null });
        }
        if (!this.options.roots().some((root) => this.isSending(root))) this.stopPolling();
      }),
      SEND_POLL_MS,
    );
  }

  private stopPolling(): void {
    if (this.poll) (this.options.doc.defaultView ?? globalThis).clearInterval(this.poll);
    this.poll = null;
  }
}

/** The element the event happened on (inside an open shadow root of the page, the inner one). */
function targetElement(event: Event): Element | null {
  const first = event.composedPath?.()[0] ?? event.target;
  const node = first as Node | null;
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}
