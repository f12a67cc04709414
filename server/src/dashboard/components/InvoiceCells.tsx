import { formatDaysLate } from '@relance/shared';
import type { InvoiceFigure } from '../figures/evaluate';
import type { PageContext } from '../http/context';

/** Only web links open: a scraped `javascript:` or `data:` URL is never made clickable. */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The invoice number, with a link to it on the invoicing site when the overlay saw one. */
export function InvoiceNumber({ figure }: { figure: InvoiceFigure }) {
  const url = safeWebUrl(figure.invoice.url);
  return url ? (
    <a href={url} rel="noopener noreferrer" target="_blank" class="invoice-number">
      {figure.invoice.number}
    </a>
  ) : (
    <span class="invoice-number">{figure.invoice.number}</span>
  );
}

/** The client's name, linked to its page when the invoice names a client record. */
export function ClientName({ ctx, figure }: { ctx: PageContext; figure: InvoiceFigure }) {
  return figure.invoice.clientId ? (
    <a href={ctx.href(`/clients/${figure.invoice.clientId}`)}>{figure.clientName}</a>
  ) : (
    <span>{figure.clientName}</span>
  );
}

/** `J+23` with `23 jours de retard` for those who hover or listen. */
export function DaysLate({ ctx, days }: { ctx: PageContext; days: number }) {
  return (
    <abbr class="days-late" title={formatDaysLate(days, ctx.lang, 'long')} data-days={days}>
      {formatDaysLate(days, ctx.lang, 'short')}
    </abbr>
  );
}
