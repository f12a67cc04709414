import type { BadgeStage, Schedule } from '@relance/shared';
import type { InvoiceFigure } from './evaluate';
import { addMoney, type MoneyByCurrency } from './money';

export interface StageTotal {
  /** A stage of the schedule, `paused` (dispute, promise, plan) or `none` (no stage reached yet). */
  stage: BadgeStage;
  count: number;
  /** Of which the stage's action is still to be done. */
  actionDue: number;
  outstanding: MoneyByCurrency;
}

/**
 * Open invoices per stage, as the badge shows them (policy engine): the schedule's enabled
 * stages in order, then paused ones, then those not at any stage yet. Every row is listed, empty ones too.
 */
export function invoicesPerStage(figures: readonly InvoiceFigure[], schedule: Schedule): StageTotal[] {
  const enabled = schedule.filter((step) => step.enabled).map((step) => step.stage);
  const order: BadgeStage[] = [...enabled, 'paused', 'none'];
  const rows = new Map<BadgeStage, StageTotal>(
    order.map((stage) => [stage, { stage, count: 0, actionDue: 0, outstanding: {} }]),
  );
  for (const f of figures) {
    if (!f.open) continue;
    let row = rows.get(f.state.stage);
    // Never expected (the engine only reports enabled stages), but an invoice is never dropped.
    if (!row) {
      row = { stage: f.state.stage, count: 0, actionDue: 0, outstanding: {} };
      rows.set(f.state.stage, row);
    }
    row.count += 1;
    if (f.state.actionDue) row.actionDue += 1;
    addMoney(row.outstanding, f.invoice.currency, f.outstandingCents);
  }
  return [...rows.values()];
}
