import type { ActivityOf } from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';
import type { InvoiceFigure } from './evaluate';

export interface FormalNoticeEntry {
  figure: InvoiceFigure;
  /** The latest formal notice sent for it, if any (`null`: the stage is reached, the notice not sent yet). */
  notice: ActivityOf<'formal-notice'> | null;
}

/**
 * Open invoices at formal notice: those whose current stage is `formal-notice`, and those a
 * formal notice was sent for that are still unpaid (at the `legal` stage, say). Most days late first.
 */
export function invoicesAtFormalNotice(
  snapshot: TeamSnapshot,
  figures: readonly InvoiceFigure[],
): FormalNoticeEntry[] {
  const latestNotice = new Map<string, ActivityOf<'formal-notice'>>();
  for (const a of snapshot.activities) {
    if (a.date > snapshot.today) break;
    if (a.type === 'formal-notice') for (const id of a.invoiceIds) latestNotice.set(id, a);
  }
  return figures
    .filter((f) => f.open && (f.state.currentStage === 'formal-notice' || latestNotice.has(f.invoice.id)))
    .map((figure) => ({ figure, notice: latestNotice.get(figure.invoice.id) ?? null }))
    .sort((a, b) => b.figure.state.daysOverdue - a.figure.state.daysOverdue);
}
