import { AGE_BUCKET_IDS, type AgeBucketId, ageBucketOf } from './ageBuckets';
import type { InvoiceFigure } from './evaluate';
import { currenciesOf } from './money';

export interface BucketTotal {
  bucket: AgeBucketId;
  cents: number;
  count: number;
}

/** The overdue total of one currency and its split by age. */
export interface OverdueSummary {
  currency: string;
  totalCents: number;
  count: number;
  buckets: BucketTotal[];
}

/** Overdue invoices, latest first (most days late), then by client and number. */
export function overdueInvoices(
  figures: readonly InvoiceFigure[],
  filter: { bucket?: AgeBucketId; clientId?: string } = {},
): InvoiceFigure[] {
  return figures
    .filter((f) => f.overdue)
    .filter((f) => !filter.bucket || ageBucketOf(f.state.daysOverdue) === filter.bucket)
    .filter((f) => !filter.clientId || f.invoice.clientId === filter.clientId)
    .sort(
      (a, b) =>
        b.state.daysOverdue - a.state.daysOverdue ||
        a.clientName.localeCompare(b.clientName) ||
        a.invoice.number.localeCompare(b.invoice.number),
    );
}

/** One summary per currency, the largest first; every bucket is listed, empty ones at 0. */
export function overdueSummaries(figures: readonly InvoiceFigure[]): OverdueSummary[] {
  const byCurrency = new Map<string, OverdueSummary>();
  for (const f of figures) {
    if (!f.overdue) continue;
    const bucket = ageBucketOf(f.state.daysOverdue);
    if (!bucket) continue;
    const currency = f.invoice.currency;
    let summary = byCurrency.get(currency);
    if (!summary) {
      summary = {
        currency,
        totalCents: 0,
        count: 0,
        buckets: AGE_BUCKET_IDS.map((id) => ({ bucket: id, cents: 0, count: 0 })),
      };
      byCurrency.set(currency, summary);
    }
    summary.totalCents += f.outstandingCents;
    summary.count += 1;
    const slot = summary.buckets.find((b) => b.bucket === bucket)!;
    slot.cents += f.outstandingCents;
    slot.count += 1;
  }
  const totals = Object.fromEntries([...byCurrency].map(([c, s]) => [c, s.totalCents]));
  return currenciesOf(totals).map((c) => byCurrency.get(c)!);
}
