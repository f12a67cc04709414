import type { Language } from '@relance/shared';
import type { InvoicePolicyView, InvoiceObservation as ObservationMessage, Send } from '../../lib/messages';
import { guard, reportError } from '../shared/guard';
import { forEachInSlices } from '../shared/scheduling';
import { isDunnable } from './adapters/reading';
import type { InvoiceOnPage } from './adapters/types';
import { type BadgeActions, BadgeSet } from './badge/badgeSet';

/**
 * Connects what the page shows to what the team knows: observations go to the background, whose
 * policy answer becomes the row's badge. One request at a time: what the observer reads while a
 * request is out waits and leaves together with the next one (up to 500 per request), so a
 * 2,000-row page costs a handful of requests, not one per row or per slice.
 */
const MAX_PER_REQUEST = 500;
/**
 * Badges entering a table make the page lay the whole table out again (its columns widen), which
 * costs about as much as the table's first layout. So they enter together: the first answer at
 * once (the first screen), then whenever nothing more is on its way, or at most this often.
 */
const INSERT_AT_MOST_EVERY_MS = 1500;

export interface OverlayOptions {
  doc: Document;
  send: Send;
  lang: Language;
  actions: BadgeActions;
}

interface Known {
  observation: InvoiceOnPage;
  fingerprint: string;
  view?: InvoicePolicyView;
  /** An answer for this fingerprint is on its way (or queued). */
  asking: boolean;
}

export function fingerprintOf(o: InvoiceOnPage): string {
  return [
    o.number,
    o.clientName,
    o.amountDueCents,
    o.currency,
    o.dueDate,
    o.status,
    o.url ?? '',
    o.summary ?? '',
  ].join('\u0001');
}

export class InvoiceOverlay {
  readonly badges: BadgeSet;
  private readonly known = new Map<Element, Known>();
  private queue: InvoiceOnPage[] = [];
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  /** Badges being shown, slice by slice, while the next request is already out. */
  private showing: Promise<void> = Promise.resolve();
  private lastInsertAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OverlayOptions) {
    this.badges = new BadgeSet(options.doc, options.lang, options.actions);
  }

  /** The observer saw these rows (new, re-rendered or changed). */
  observed(observations: InvoiceOnPage[]): void {
    const toAsk: InvoiceOnPage[] = [];
    for (const observation of observations) {
      const fingerprint = fingerprintOf(observation);
      const known = this.known.get(observation.row);
      if (known && known.fingerprint === fingerprint && (known.view || known.asking)) {
        known.observation = observation;
        // Same invoice, same figures: the badge only needs to be there (a re-render may have dropped it).
        if (known.view && isDunnable(observation.status) && !this.badges.hasBadge(observation.row)) {
          this.badges.show(observation, known.view);
        }
        continue;
      }
      this.known.set(observation.row, { observation, fingerprint, asking: true });
      toAsk.push(observation);
    }
    this.enqueue(toAsk);
  }

  /** Rows that no longer read as invoices lose their badge. */
  vanished(rows: Element[]): void {
    for (const row of rows) {
      this.known.delete(row);
      this.badges.remove(row);
    }
  }

  /** Asks the background again for the invoices on the page (after a note, a reminder, a sync). */
  refresh(filter?: (view: InvoicePolicyView) => boolean): void {
    const again: InvoiceOnPage[] = [];
    for (const [row, known] of this.known) {
      if (!row.isConnected) {
        this.known.delete(row);
        continue;
      }
      if (!filter || (known.view && filter(known.view))) {
        known.asking = true;
        again.push(known.observation);
      }
    }
    this.enqueue(again);
  }

  /** Resolves when every answer asked for so far has been shown. */
  async idle(): Promise<void> {
    if (this.pumping) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.showing;
  }

  private enqueue(observations: InvoiceOnPage[]): void {
    if (observations.length === 0) return;
    this.queue.push(...observations);
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        // Only the latest reading of a row is worth asking about.
        const batch = this.queue.splice(0, MAX_PER_REQUEST).filter((o) => this.isCurrent(o));
        if (batch.length > 0) await this.ask(batch);
      }
    } finally {
      this.pumping = false;
      // Whatever was held back enters now.
      this.showing = this.showing.then(() => this.insertNow());
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private insertNow(): void {
    this.lastInsertAt = performance.now();
    this.badges.insertPrepared();
  }

  private isCurrent(observation: InvoiceOnPage): boolean {
    const known = this.known.get(observation.row);
    return !!known && known.fingerprint === fingerprintOf(observation) && observation.row.isConnected;
  }

  private async ask(batch: InvoiceOnPage[]): Promise<void> {
    try {
      const { invoices } = await this.options.send({
        type: 'observeInvoices',
        observations: batch.map((o) => toMessage(o, this.options.doc)),
      });
      const byNumber = new Map(invoices.map((view) => [view.number, view]));
      const pairs: [InvoiceOnPage, InvoicePolicyView][] = [];
      batch.forEach((observation, i) => {
        // The answer follows the request's order; fall back on the number if it does not.
        const view =
          invoices[i]?.number === observation.number ? invoices[i] : byNumber.get(observation.number);
        if (view) pairs.push([observation, view]);
      });
      const show = guard('overlay.showBadge', ([observation, view]: [InvoiceOnPage, InvoicePolicyView]) => {
        // A newer reading of this row is on its way: its own answer will show it.
        if (!this.isCurrent(observation)) return;
        const known = this.known.get(observation.row)!;
        known.view = view;
        // Recorded (a cancelled invoice closes its record), but nothing to chase: no badge.
        if (isDunnable(known.observation.status)) this.badges.prepare(known.observation, view);
        else this.badges.remove(observation.row);
      });
      // Built slice by slice, off the page; into the page together (see INSERT_AT_MOST_EVERY_MS).
      this.showing = this.showing.then(async () => {
        await forEachInSlices(pairs, show);
        const waited = performance.now() - this.lastInsertAt;
        if (!this.pumping || waited >= INSERT_AT_MOST_EVERY_MS) this.insertNow();
      });
    } catch (error) {
      reportError('overlay.observeInvoices', error);
    } finally {
      for (const observation of batch) {
        const known = this.known.get(observation.row);
        if (known && known.fingerprint === fingerprintOf(observation)) known.asking = false;
      }
    }
  }
}

function toMessage(o: InvoiceOnPage, doc: Document): ObservationMessage {
  const message: ObservationMessage = {
    number: o.number,
    clientName: o.clientName,
    amountDueCents: o.amountDueCents,
    currency: o.currency,
    dueDate: o.dueDate,
    status: o.status,
    host: doc.location?.host ?? '',
    url: o.url ?? doc.location?.href ?? '',
  };
  if (o.issueDate) message.issueDate = o.issueDate;
  if (o.totalCents !== undefined) message.totalCents = o.totalCents;
  if (o.clientEmail) message.clientEmails = [o.clientEmail];
  if (o.summary) message.summary = true;
  return message;
}
