import type { Language } from '@relance/shared';
import type { InvoicePolicyView, InvoiceObservation as ObservationMessage } from '../../lib/messages';
import { guard, guardAsync } from '../shared/guard';
import { forEachInSlices } from '../shared/scheduling';
import type { InvoiceObservation } from './adapters/types';
import type { Send } from './backend';
import { type BadgeActions, BadgeSet } from './badge/badgeSet';

/**
 * Connects what the page shows to what the team knows: every observation goes to the background,
 * whose policy answer becomes the row's badge. One request per slice of rows (never one per row).
 */
const MAX_PER_REQUEST = 500;

export interface OverlayOptions {
  doc: Document;
  send: Send;
  lang: Language;
  actions: BadgeActions;
}

interface Known {
  observation: InvoiceObservation;
  fingerprint: string;
  view?: InvoicePolicyView;
  /** An answer for this fingerprint is on its way. */
  asking: boolean;
}

export function fingerprintOf(o: InvoiceObservation): string {
  return [o.number, o.clientName, o.amountDueCents, o.currency, o.dueDate, o.status, o.url ?? ''].join(
    '\u0001',
  );
}

export class InvoiceOverlay {
  readonly badges: BadgeSet;
  private readonly known = new Map<Element, Known>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: OverlayOptions) {
    this.badges = new BadgeSet(options.doc, options.lang, options.actions);
  }

  /** The observer saw these rows (new, re-rendered or changed). */
  observed(observations: InvoiceObservation[]): void {
    const toAsk: InvoiceObservation[] = [];
    for (const observation of observations) {
      const fingerprint = fingerprintOf(observation);
      const known = this.known.get(observation.row);
      if (known && known.fingerprint === fingerprint && (known.view || known.asking)) {
        known.observation = observation;
        // Same invoice, same figures: the badge only needs to be there (a re-render may have dropped it).
        if (known.view && !this.badges.hasBadge(observation.row)) this.badges.show(observation, known.view);
        continue;
      }
      this.known.set(observation.row, { observation, fingerprint, asking: true });
      toAsk.push(observation);
    }
    for (let i = 0; i < toAsk.length; i += MAX_PER_REQUEST) this.ask(toAsk.slice(i, i + MAX_PER_REQUEST));
  }

  /** Rows that no longer read as invoices lose their badge. */
  vanished(rows: Element[]): void {
    for (const row of rows) {
      this.known.delete(row);
      this.badges.remove(row);
    }
  }

  /** Asks the background again for every invoice on the page (after a note, a reminder, a sync). */
  refresh(filter?: (view: InvoicePolicyView) => boolean): void {
    const again: InvoiceObservation[] = [];
    for (const [row, known] of this.known) {
      if (!row.isConnected) {
        this.known.delete(row);
        continue;
      }
      if (!filter || (known.view && filter(known.view))) again.push(known.observation);
    }
    for (let i = 0; i < again.length; i += MAX_PER_REQUEST) this.ask(again.slice(i, i + MAX_PER_REQUEST));
  }

  /** The policy views of the invoices on the page (the reminder groups a client's invoices). */
  views(): InvoicePolicyView[] {
    const views: InvoicePolicyView[] = [];
    for (const [row, known] of this.known) if (row.isConnected && known.view) views.push(known.view);
    return views;
  }

  /** Resolves when every answer asked for so far has been shown. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private ask(batch: InvoiceObservation[]): void {
    this.inFlight++;
    for (const observation of batch) {
      const known = this.known.get(observation.row);
      if (known) known.asking = true;
    }
    void guardAsync('overlay.observeInvoices', async () => {
      const { invoices } = await this.options.send({
        type: 'observeInvoices',
        observations: batch.map((o) => toMessage(o, this.options.doc)),
      });
      const byNumber = new Map(invoices.map((view) => [view.number, view]));
      const pairs: [InvoiceObservation, InvoicePolicyView][] = [];
      batch.forEach((observation, i) => {
        // The answer follows the request's order; fall back on the number if it does not.
        const view =
          invoices[i]?.number === observation.number ? invoices[i] : byNumber.get(observation.number);
        if (view) pairs.push([observation, view]);
      });
      await forEachInSlices(
        pairs,
        guard('overlay.showBadge', ([observation, view]: [InvoiceObservation, InvoicePolicyView]) => {
          const known = this.known.get(observation.row);
          // A newer reading of this row is on its way: its own answer will show it.
          if (!known || known.fingerprint !== fingerprintOf(observation) || !observation.row.isConnected)
            return;
          known.view = view;
          this.badges.show(known.observation, view);
        }),
      );
    }).finally(() => {
      for (const observation of batch) {
        const known = this.known.get(observation.row);
        if (known && known.fingerprint === fingerprintOf(observation)) known.asking = false;
      }
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }
}

function toMessage(o: InvoiceObservation, doc: Document): ObservationMessage {
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
  return message;
}
