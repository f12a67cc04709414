import { guard } from '../../shared/guard';
import { frameBatcher } from '../../shared/scheduling';
import { isOurElement } from '../../shared/shadowHost';
import { isHiddenByPage } from '../adapters/dom';
import type { WebmailAdapter } from '../adapters/types';

export interface ComposeWatcherOptions {
  doc: Document;
  adapter: WebmailAdapter;
  /** A compose window appeared (popup, full screen or inline reply). */
  onOpened(root: Element): void;
  /** Something changed inside an open compose window (a recipient chip, the subject...). */
  onChanged(root: Element): void;
  /** The compose window is gone: removed from the page or hidden by it. */
  onClosed(root: Element): void;
  /** Replaces the per-frame batching (tests flush by hand). */
  batcher?: (flush: () => void) => () => void;
}

/**
 * Finds every open compose window and follows it until it closes, with ONE MutationObserver on
 * the page whose records are handled once per animation frame, however many arrive.
 */
export class ComposeWatcher {
  private readonly open = new Set<Element>();
  private readonly dirty = new Set<Element>();
  private observer: MutationObserver | null = null;
  private pending: MutationRecord[] = [];
  private readonly requestFlush: () => void;

  constructor(private readonly options: ComposeWatcherOptions) {
    const flush = guard('webmail.watcher.flush', () => this.flush());
    const win = options.doc.defaultView ?? window;
    this.requestFlush = (options.batcher ?? ((f) => frameBatcher(f, win)))(flush);
  }

  start(): void {
    if (this.observer) return;
    const MO = this.options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new MO(
      guard('webmail.watcher.mutations', (records: MutationRecord[]) => {
        for (const record of records) if (!isOurs(record)) this.pending.push(record);
        if (this.pending.length > 0) this.requestFlush();
      }),
    );
    this.observer.observe(this.options.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    this.requestFlush();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.pending = [];
  }

  /** The compose windows open now. */
  roots(): Element[] {
    return [...this.open];
  }

  /** Checks again now (the batcher normally calls this once per frame; a pending send polls it). */
  flush(): void {
    const records = this.pending;
    this.pending = [];
    for (const record of records) {
      for (const root of this.open) if (root.contains(record.target)) this.dirty.add(root);
    }
    // Text typed in a window changes no window: the page is searched again only when elements
    // came or went (or on demand, records empty: the first look, a pending send's check).
    const elementsMoved = records.length === 0 || records.some((r) => r.type === 'childList');
    if (elementsMoved) this.scan();
    for (const root of [...this.dirty]) {
      this.dirty.delete(root);
      if (this.open.has(root)) guard('webmail.watcher.changed', this.options.onChanged)(root);
    }
  }

  private scan(): void {
    const { adapter, doc } = this.options;
    const current = adapter.findComposeRoots(doc).filter((root) => !isHiddenByPage(root));
    for (const root of [...this.open]) {
      if (!current.includes(root)) {
        this.open.delete(root);
        this.dirty.delete(root);
        guard('webmail.watcher.closed', this.options.onClosed)(root);
      }
    }
    for (const root of current) {
      if (!this.open.has(root)) {
        this.open.add(root);
        this.dirty.delete(root);
        guard('webmail.watcher.opened', this.options.onOpened)(root);
      }
    }
  }
}

/** Our own panel being put in is not a change of the compose window (its removal is: put it back). */
function isOurs(record: MutationRecord): boolean {
  if (record.type !== 'childList' || record.removedNodes.length > 0) return false;
  const added = Array.from(record.addedNodes);
  return added.length > 0 && added.every(isOurElement);
}
