import { guard } from '../../shared/guard';
import { forEachInSlices, frameBatcher } from '../../shared/scheduling';
import { isOurElement } from '../../shared/shadowHost';
import { ariaGridAdapter } from '../adapters/ariaGrid';
import { type DetailMatch, findDetail, readDetail } from '../adapters/detail';
import { headlessAdapter } from '../adapters/headless';
import { readInvoice } from '../adapters/reading';
import { pageCustomer } from '../adapters/subject';
import { tableAdapter } from '../adapters/table';
import { type TaughtMapping, taughtCells, taughtRowsIn } from '../adapters/taught';
import type { ColumnMap, InvoiceOnPage, ListAdapter, ReadContext } from '../adapters/types';

/**
 * One MutationObserver per page turns the page into invoice observations.
 *
 * Mutations are batched per animation frame; only the added subtrees (and the rows whose cells
 * changed) are examined again, never the whole page, except once per route change. Rows are read in
 * slices of a few milliseconds so that a 2,000-row list never blocks the page.
 */
export interface PageObserverOptions {
  doc: Document;
  readContext: () => ReadContext;
  /** New or re-read invoices (called once per slice of work). */
  onObserved: (observations: InvoiceOnPage[]) => void;
  /** Rows that were invoices and are not any more (the row stays, its content changed). */
  onVanished?: (rows: Element[]) => void;
  /** The list adapters to try, in order. */
  lists?: ListAdapter[];
  /** Replaces the per-frame batching (tests flush by hand). */
  batcher?: (flush: () => void) => () => void;
}

type Source =
  | { kind: 'list'; adapter: ListAdapter; map: ColumnMap }
  | { kind: 'detail'; match: DetailMatch | null }
  | { kind: 'taught'; mapping: TaughtMapping; fallback?: Source };

interface ContainerInfo {
  adapter: ListAdapter;
  map: ColumnMap | null;
  signature: string;
}

const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
const DETAIL_SCOPE = 'section, article, main, form, [role=main], [role=dialog], [role=region]';
const SCOPE_SCAN_INTERVAL_MS = 500;

export class PageObserver {
  private readonly doc: Document;
  private readonly lists: ListAdapter[];
  /** Every list adapter's container selector, joined once. */
  private readonly containerSelector: string;
  private readonly containers = new WeakMap<Element, ContainerInfo>();
  private readonly details = new WeakMap<Element, DetailMatch>();
  /** Rows that produced an observation (to report them when they stop being invoices). */
  private readonly observedRows = new WeakSet<Element>();
  private readonly recheckedThisFlush = new Set<Element>();
  /** When each detail scope was last scanned, to scan a busy section at most twice a second. */
  private readonly scopeScans = new WeakMap<Element, number>();
  private readonly scopeRetries = new WeakSet<Element>();
  private taught: TaughtMapping | null = null;
  private observer: MutationObserver | null = null;
  private listeners: AbortController | null = null;
  private pendingRecords: MutationRecord[] = [];
  private pendingRoots = new Set<Element>();
  private lastHref = '';
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly requestFlush: () => void;

  constructor(private readonly options: PageObserverOptions) {
    this.doc = options.doc;
    this.lists = options.lists ?? [tableAdapter, ariaGridAdapter, headlessAdapter];
    this.containerSelector = this.lists.map((a) => a.containerSelector).join(', ');
    const flush = guard('observer.flush', () => this.flush());
    this.requestFlush = (options.batcher ?? ((f) => frameBatcher(f, this.doc.defaultView ?? window)))(flush);
  }

  /** Reads what the page already shows, then follows its changes. */
  start(): void {
    if (this.observer) return;
    const win = this.doc.defaultView;
    const MO = win?.MutationObserver ?? MutationObserver;
    this.observer = new MO(
      guard('observer.mutations', (records: MutationRecord[]) => {
        for (const record of records) this.pendingRecords.push(record);
        this.requestFlush();
      }),
    );
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.lastHref = this.doc.location?.href ?? '';
    this.listeners = new AbortController();
    const listen = { signal: this.listeners.signal };
    const onRoute = guard('observer.route', () => this.requestFlush());
    win?.addEventListener('popstate', onRoute, listen);
    // The Navigation API also reports history.pushState made by the page's own scripts.
    const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener?.('navigate', onRoute, listen);
    navigation?.addEventListener?.('currententrychange', onRoute, listen);
    this.rescan();
  }

  stop(): void {
    this.listeners?.abort();
    this.observer?.disconnect();
    this.observer = null;
    this.pendingRecords = [];
    this.pendingRoots.clear();
  }

  /** Examines the whole page again (start, route change, a newly taught mapping). */
  rescan(): void {
    this.pendingRoots.add(this.doc.body ?? this.doc.documentElement);
    this.requestFlush();
  }

  /** Uses the user's mapping for this site from now on (null: back to the built-in adapters). */
  setTaught(mapping: TaughtMapping | null): void {
    this.taught = mapping;
    this.rescan();
  }

  /** Resolves when every change seen so far has been read and reported (tests, benchmarks). */
  idle(): Promise<void> {
    if (this.running === 0 && this.pendingRecords.length === 0 && this.pendingRoots.size === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs the pending work now (the batcher normally calls this once per frame). */
  flush(): void {
    const dirty = this.takeDirtyElements();
    if (dirty.size === 0) {
      this.notifyIdle();
      return;
    }
    const rows = new Map<Element, Source>();
    this.recheckedThisFlush.clear();
    for (const el of dirty) if (el.isConnected) this.collectRows(el, rows);
    this.running++;
    void this.readRows(rows).finally(() => {
      this.running--;
      this.notifyIdle();
    });
  }

  private notifyIdle(): void {
    if (this.running > 0 || this.pendingRecords.length > 0 || this.pendingRoots.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Turns mutation records into the elements to examine again. */
  private takeDirtyElements(): Set<Element> {
    const dirty = new Set(this.pendingRoots);
    this.pendingRoots.clear();
    const records = this.pendingRecords;
    this.pendingRecords = [];

    const href = this.doc.location?.href ?? '';
    if (href !== this.lastHref) {
      // A route change: the one time we look at the whole page again.
      this.lastHref = href;
      dirty.add(this.doc.body ?? this.doc.documentElement);
    }

    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        if (target.parentElement) dirty.add(target.parentElement);
        continue;
      }
      if (target.nodeType !== 1 || isOurElement(target)) continue;
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType === 1) {
          if (!isOurElement(node)) dirty.add(node as Element);
        } else if (node.nodeType === 3) {
          dirty.add(target as Element);
        }
      }
      // Content removed inside a row (a cell re-rendered, our badge taken away): read the row again.
      // Whole rows removed take their badges with them: nothing to do.
      if (record.removedNodes.length > 0 && this.isInsideRow(target as Element)) dirty.add(target as Element);
    }
    return dirty;
  }

  private isInsideRow(el: Element): boolean {
    if (this.taught && taughtRowsIn(el, this.taught).some((row) => row.contains(el))) return true;
    return el.closest('tr, [role=row]') !== null || this.insideDetail(el) !== null;
  }

  private insideDetail(el: Element): Element | null {
    for (let node: Element | null = el; node; node = node.parentElement)
      if (this.details.has(node)) return node;
    return null;
  }

  /** Finds the invoice rows `el` is in or contains. */
  /**
   * Finds the invoice rows `el` is in or contains. A taught mapping adds to the built-in reading:
   * its rows are read the taught way, every other list and detail the built-in way.
   */
  private collectRows(el: Element, rows: Map<Element, Source>): void {
    const inList = this.collectFromAncestors(el, rows);
    this.collectFromDescendants(el, rows);
    if (!inList) this.collectDetail(el, rows);
    if (this.taught) {
      const mapping = this.taught;
      for (const row of taughtRowsIn(el, mapping)) {
        const builtIn = rows.get(row);
        rows.set(row, { kind: 'taught', mapping, ...(builtIn ? { fallback: builtIn } : {}) });
      }
    }
  }

  /** `el` inside a recognised list: its row, or every row under it (a new tbody, a page of rows). */
  private collectFromAncestors(el: Element, rows: Map<Element, Source>): boolean {
    const rowCandidates: Element[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const known = this.containerInfo(node, false);
      if (known?.map) {
        const row = rowCandidates.find((candidate) => known.adapter.isDataRow(candidate, node!));
        if (row) {
          rows.set(row, { kind: 'list', adapter: known.adapter, map: known.map });
          return true;
        }
        // A header or structural change: the header may now say something else.
        const again = this.recheckOncePerFlush(node) ?? known;
        if (!again.map) return false;
        // The columns moved: every row is read again; else only the rows under `el`.
        this.addRowsUnder(again.map === known.map ? el : node, node, again, rows);
        return true;
      }
      if (known) {
        // Rows or headers arriving in a list we did not recognise (yet): headers rendered late.
        const again = this.recheckOncePerFlush(node);
        if (again?.map) {
          this.addRowsUnder(node, node, again, rows);
          return true;
        }
      }
      if (node.tagName === 'TR' || node.getAttribute('role') === 'row') rowCandidates.push(node);
    }
    return false;
  }

  /** Reads a container's header again, at most once per flush (2,000 new rows, one header read). */
  private recheckOncePerFlush(container: Element): ContainerInfo | null {
    if (this.recheckedThisFlush.has(container)) return this.containers.get(container) ?? null;
    this.recheckedThisFlush.add(container);
    return this.containerInfo(container, true);
  }

  /** Lists inside `el` (a page rendered, a table replaced by pagination). */
  private collectFromDescendants(el: Element, rows: Map<Element, Source>): void {
    for (const container of Array.from(el.querySelectorAll(this.containerSelector))) {
      const info = this.recheckOncePerFlush(container);
      if (info?.map) this.addRowsUnder(container, container, info, rows);
    }
  }

  private addRowsUnder(scope: Element, container: Element, info: ContainerInfo, rows: Map<Element, Source>) {
    if (!info.map) return;
    const source: Source = { kind: 'list', adapter: info.adapter, map: info.map };
    for (const row of Array.from(scope.querySelectorAll(info.adapter.rowSelector))) {
      if (info.adapter.isDataRow(row, container)) rows.set(row, source);
    }
  }

  /** What we know of a list container; `recheck` reads its header again if it changed. */
  private containerInfo(node: Element, recheck: boolean): ContainerInfo | null {
    const isCandidate = node.tagName === 'TABLE' || GRID_ROLES.has(node.getAttribute('role') ?? '');
    if (!isCandidate) return null;
    const known = this.containers.get(node);
    if (known && !recheck) return known;
    let info: ContainerInfo | null = null;
    for (const adapter of this.lists) {
      if (!node.matches(adapter.containerSelector)) continue;
      const signature = adapter.headerSignature(node);
      if (known && known.adapter === adapter && known.signature === signature) return known;
      info = { adapter, map: adapter.recognise(node), signature };
      if (info.map) break;
    }
    if (info) this.containers.set(node, info);
    return info;
  }

  /** A detail page under `el`, or the detail block `el` sits in. */
  private collectDetail(el: Element, rows: Map<Element, Source>): void {
    const known = this.insideDetail(el);
    if (known) {
      const match = findDetail(known, this.skipLists);
      if (match && match.container !== known) this.details.set(match.container, match);
      rows.set(match?.container ?? known, { kind: 'detail', match });
      return;
    }
    let match = findDetail(el, this.skipLists);
    // Fields rendered one by one: look at the section around the change too (throttled).
    const scope = match ? null : el.closest(DETAIL_SCOPE);
    if (scope && this.mayScanScope(scope)) match = findDetail(scope, this.skipLists);
    if (match) {
      this.details.set(match.container, match);
      rows.set(match.container, { kind: 'detail', match });
    }
  }

  private mayScanScope(scope: Element): boolean {
    const now = performance.now();
    const elapsed = now - (this.scopeScans.get(scope) ?? -Infinity);
    if (elapsed >= SCOPE_SCAN_INTERVAL_MS) {
      this.scopeScans.set(scope, now);
      return true;
    }
    if (!this.scopeRetries.has(scope)) {
      // Look again once the interval is over, so the last field rendered is not missed.
      this.scopeRetries.add(scope);
      const win = this.doc.defaultView ?? window;
      win.setTimeout(
        guard('observer.scopeRetry', () => {
          this.scopeRetries.delete(scope);
          if (!scope.isConnected) return;
          this.pendingRoots.add(scope);
          this.requestFlush();
        }),
        SCOPE_SCAN_INTERVAL_MS - elapsed,
      );
    }
    return false;
  }

  private readonly skipLists = (el: Element): boolean => this.containers.get(el)?.map != null;

  private async readRows(rows: Map<Element, Source>): Promise<void> {
    if (rows.size === 0) return;
    const ctx = this.options.readContext();
    this.customer = undefined;
    let observed: InvoiceOnPage[] = [];
    let vanished: Element[] = [];
    const handOn = () => {
      if (observed.length > 0) this.options.onObserved(observed);
      if (vanished.length > 0) this.options.onVanished?.(vanished);
      observed = [];
      vanished = [];
    };
    await forEachInSlices(
      rows,
      guard('observer.readRow', ([row, source]: [Element, Source]) => {
        if (!row.isConnected) return;
        const observation = this.read(row, source, ctx);
        if (observation) {
          this.observedRows.add(row);
          observed.push(observation);
        } else if (this.observedRows.has(row)) {
          this.observedRows.delete(row);
          vanished.push(row);
        }
      }),
      { afterSlice: guard('observer.handOn', handOn) },
    );
  }

  /** The customer the page is about (a box of invoices without a client column), once per read. */
  private customer: string | null | undefined;

  private pageCustomer(): string {
    if (this.customer === undefined) this.customer = pageCustomer(this.doc);
    return this.customer ?? '';
  }

  private read(row: Element, source: Source, ctx: ReadContext): InvoiceOnPage | null {
    switch (source.kind) {
      case 'list': {
        const cells = source.adapter.cellsOf(row, source.map);
        const texts = source.map.client === undefined ? { client: this.pageCustomer() } : {};
        const reading = readInvoice(cells, ctx, texts, row);
        if (!reading || !cells.number) return null;
        const observation: InvoiceOnPage = {
          ...reading,
          row,
          anchor: cells.number,
          adapter: source.adapter.name,
        };
        if (source.adapter === headlessAdapter) observation.summary = true;
        return observation;
      }
      case 'taught': {
        // The cells are looked up once: they give both the reading and the badge's anchor.
        const cells = taughtCells(row, source.mapping);
        const reading = cells && readInvoice(cells, ctx, {}, row);
        if (reading && cells.number) return { ...reading, row, anchor: cells.number, adapter: 'taught' };
        return source.fallback ? this.read(row, source.fallback, ctx) : null;
      }
      case 'detail': {
        if (!source.match) return null;
        const reading = readDetail(source.match, ctx);
        return reading ? { ...reading, row, anchor: source.match.anchor, adapter: 'detail' } : null;
      }
    }
  }
}
