import type { InvoiceFigure } from './evaluate';

/**
 * Activities carry amounts without a currency: they are in the currency of the invoices they
 * concern, else of the client's invoices, else of the team's invoices; EUR when nothing is known.
 */
export function currencyFor(
  figures: readonly InvoiceFigure[],
  activity: { clientId: string; invoiceIds: readonly string[] },
): string {
  const own = figures.find((f) => activity.invoiceIds.includes(f.invoice.id));
  if (own) return own.invoice.currency;
  const ofClient = figures.find((f) => f.invoice.clientId === activity.clientId);
  if (ofClient) return ofClient.invoice.currency;
  return figures[0]?.invoice.currency ?? 'EUR';
}
