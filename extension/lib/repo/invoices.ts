import { email as emailSchema, type Invoice, invoice as invoiceSchema } from '@relance/shared';
import type { ClientRow, InvoiceRow } from '../db';
import type { InvoiceObservation } from '../messages';
import { describeIssues, UserError } from '../userError';
import { nextHlc } from './clock';
import type { RepoContext } from './context';
import { clientChange, clientRow, invoiceChange, invoiceRow } from './documents';
import { normaliseEmail } from './names';
import { enqueue } from './outbox';
import { clientIdFor, invoiceIdFor } from './stableIds';

export interface RecordedInvoice {
  invoice: InvoiceRow;
  client: ClientRow;
}

/**
 * Stores what the overlay read on a page: each invoice (found by host + number) and its client
 * (found by name), creating or updating their documents. A page seen again unchanged writes nothing,
 * so browsing never floods the outbox. All of it, records and queued changes, in one transaction.
 */
export async function recordObservations(
  ctx: RepoContext,
  observations: InvoiceObservation[],
): Promise<RecordedInvoice[]> {
  const { db } = ctx;
  // Ids first: WebCrypto cannot be awaited inside an IndexedDB transaction.
  const ids = await Promise.all(
    observations.map(async (o) => ({
      invoiceId: await invoiceIdFor(o.host, o.number),
      clientId: await clientIdFor(o.clientName),
    })),
  );
  const drafts = observations.map((o, i) => toInvoice(o, ids[i]!.invoiceId, ids[i]!.clientId));

  return db.transaction('rw', db.invoices, db.clients, db.outbox, db.syncState, async () => {
    const recorded: RecordedInvoice[] = [];
    for (const [i, draft] of drafts.entries()) {
      const client = await upsertClient(
        ctx,
        draft.clientId!,
        draft.clientName,
        observations[i]!.clientEmails,
      );
      const invoice = await upsertInvoice(ctx, draft);
      recorded.push({ invoice, client });
    }
    return recorded;
  });
}

function toInvoice(o: InvoiceObservation, id: string, clientId: string): Invoice {
  const parsed = invoiceSchema.safeParse({
    id,
    number: o.number.trim(),
    clientId,
    clientName: o.clientName.trim(),
    totalCents: o.totalCents,
    amountDueCents: o.amountDueCents,
    currency: o.currency,
    issueDate: o.issueDate,
    dueDate: o.dueDate,
    status: o.status ?? 'unpaid',
    host: o.host,
    url: o.url,
  });
  if (!parsed.success) {
    throw new UserError('invalid-observation', `invoice ${o.number}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

async function upsertClient(ctx: RepoContext, id: string, name: string, emails: string[] = []) {
  const { db } = ctx;
  const valid = emails.map(normaliseEmail).filter((e) => emailSchema.safeParse(e).success);
  const existing = await db.clients.get(id);
  if (existing && !existing.deleted && valid.every((e) => existing.emails.includes(e))) return existing;
  const data = existing
    ? { ...existingData(existing), emails: [...new Set([...existing.emails, ...valid])] }
    : { id, name, emails: [...new Set(valid)] };
  const row = clientRow(data, await nextHlc(db, ctx.now));
  await db.clients.put(row);
  await enqueue(db, clientChange(row), ctx.now());
  return row;
}

function existingData({ hlc: _h, deleted: _d, nameKey: _n, ...data }: ClientRow) {
  return data;
}

/** Fields the page is the source of; the url alone changing (list page vs invoice page) is no news. */
const OBSERVED: (keyof Invoice)[] = [
  'number',
  'clientId',
  'clientName',
  'totalCents',
  'amountDueCents',
  'currency',
  'issueDate',
  'dueDate',
  'status',
  'host',
];

async function upsertInvoice(ctx: RepoContext, draft: Invoice) {
  const { db } = ctx;
  const existing = await db.invoices.get(draft.id);
  if (existing && !existing.deleted && OBSERVED.every((k) => existing[k] === draft[k])) return existing;
  // Keep what others set on the invoice (contract penalty rate, jurisdiction) and the first url seen.
  const data: Invoice = existing
    ? { ...invoiceSchema.parse(existing), ...pick(draft, OBSERVED), url: existing.url ?? draft.url }
    : draft;
  const row = invoiceRow(data, await nextHlc(db, ctx.now));
  await db.invoices.put(row);
  await enqueue(db, invoiceChange(row), ctx.now());
  return row;
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Partial<T>;
}
