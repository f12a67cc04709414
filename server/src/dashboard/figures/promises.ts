import { type Activity, type ActivityOf, type IsoDate, withoutVoided } from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';
import { currencyFor } from './currency';
import type { InvoiceFigure } from './evaluate';
import { weekOf } from './week';

export type PromiseStatus = 'kept' | 'broken' | 'due-today' | 'upcoming';

export interface PromiseDue {
  promise: ActivityOf<'promise-to-pay'>;
  clientName: string;
  /** The invoices it covers, as far as the team's snapshots know them. */
  invoices: InvoiceFigure[];
  /** The amount promised, or else what is left to pay on the invoices it covers. */
  cents: number | null;
  currency: string;
  status: PromiseStatus;
}

/**
 * Promises to pay whose promised date falls in the current week (Monday to Sunday), soonest
 * first. A promise replaced by a later one for the same invoices (or, for promises naming no
 * invoice, the same client) no longer counts. Status:
 * - `kept`: by the promised date, the payments recorded on its invoices since the promise reach
 *   the amount promised, or its invoices are all paid (and, when the history says when, paid by
 *   that date). A payment after the promised date does not keep it: the promise was broken, as
 *   the policy engine says (shared/policy/pauses.ts);
 * - `broken`: the promised date passed without that;
 * Withdrawn promises and payments (void activities) do not count.
 * - `due-today`, `upcoming`: not yet kept, date today or later this week.
 */
export function promisesDueThisWeek(snapshot: TeamSnapshot, figures: readonly InvoiceFigure[]): PromiseDue[] {
  const { today } = snapshot;
  const week = weekOf(today);
  const counting = withoutVoided(snapshot.activities);
  const made = counting.filter(
    (a): a is ActivityOf<'promise-to-pay'> => a.type === 'promise-to-pay' && a.date <= today,
  );
  const byId = new Map(figures.map((f) => [f.invoice.id, f]));
  return made
    .filter(
      (p, i) => p.promisedDate >= week.start && p.promisedDate <= week.end && !replaced(p, made.slice(i + 1)),
    )
    .map((promise): PromiseDue => {
      const invoices = promise.invoiceIds.map((id) => byId.get(id)).filter((f): f is InvoiceFigure => !!f);
      const left = invoices.reduce((sum, f) => sum + f.outstandingCents, 0);
      return {
        promise,
        clientName:
          snapshot.clients.get(promise.clientId)?.name ?? invoices[0]?.clientName ?? promise.clientId,
        invoices,
        cents: promise.amountCents ?? (invoices.length > 0 ? left : null),
        currency: currencyFor(figures, promise),
        status: statusOf(promise, invoices, counting, today),
      };
    })
    .sort((a, b) =>
      a.promise.promisedDate < b.promise.promisedDate
        ? -1
        : a.promise.promisedDate > b.promise.promisedDate
          ? 1
          : 0,
    );
}

/** `later` holds the promises made after `p`, oldest first. */
function replaced(p: ActivityOf<'promise-to-pay'>, later: readonly ActivityOf<'promise-to-pay'>[]): boolean {
  return later.some((q) =>
    p.invoiceIds.length === 0
      ? q.clientId === p.clientId && q.invoiceIds.length === 0
      : q.invoiceIds.some((id) => p.invoiceIds.includes(id)),
  );
}

function statusOf(
  promise: ActivityOf<'promise-to-pay'>,
  invoices: readonly InvoiceFigure[],
  activities: readonly Activity[],
  today: IsoDate,
): PromiseStatus {
  // Only what happened by the promised date (and by today) keeps a promise.
  const until = promise.promisedDate < today ? promise.promisedDate : today;
  const allClosed =
    invoices.length > 0 &&
    invoices.length === promise.invoiceIds.length &&
    invoices.every((f) => f.state.closed && (f.state.paidOn === null || f.state.paidOn <= until));
  let kept = allClosed;
  if (!kept && promise.amountCents !== undefined && promise.invoiceIds.length > 0) {
    const paid = activities
      .filter(
        (a): a is ActivityOf<'payment-received'> =>
          a.type === 'payment-received' &&
          a.date >= promise.date &&
          a.date <= until &&
          a.invoiceIds.some((id) => promise.invoiceIds.includes(id)),
      )
      .reduce((sum, a) => sum + a.amountCents, 0);
    kept = paid >= promise.amountCents;
  }
  if (kept) return 'kept';
  if (promise.promisedDate < today) return 'broken';
  return promise.promisedDate === today ? 'due-today' : 'upcoming';
}
