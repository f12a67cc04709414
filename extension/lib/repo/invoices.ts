import { email as emailSchema, type Invoice, invoice as invoiceSchema } from '@relance/shared';
import type { ClientRow, InvoiceRow } from '../db';
import type { InvoiceObservation } from '../messages';
import { describeIssues, UserError } from '../userError';
import { nextHlcs } from './clock';
import type { RepoContext } from './context';
import { clientChange, clientRow, invoiceChange, invoiceRow } from './documents';
import { resolveMerged } from './merges';
import { normaliseEmail } from './names';
import { enqueueAll } from './outbox';
import { clientIdFor, invoiceIdFor } from './stableIds';

export interface RecordedInvoice {
  invoice: InvoiceRow;
  client: ClientRow;
}

/**
 * Stores what the overlay read on a page: each invoice (found by host + number) and its client
 * (found by name), creating or updating their documents; answers the live ones (a record a lead
 * deleted is left out, in page order otherwise). A page seen again unchanged writes nothing,
 * so browsing never floods the outbox.
 *
 * One batch, one transaction: the known invoices and clients are read together, the changes worked
 * out in memory, and only what changed is written (records, clock and queued changes together, so a
 * record is never stored without its change). A page of 500 invoices costs a handful of queries.
 */
export async function recordObservations(
  ctx: RepoContext,
  observations: InvoiceObservation[],
): Promise<RecordedInvoice[]> {
  const { db } = ctx;
  // Ids first: WebCrypto cannot be awaited inside an IndexedDB transaction.
  const clientIds = new Map<string, Promise<string>>();
  const ids = await Promise.all(
    observations.map(async (o) => {
      const clientId = clientIds.get(o.clientName) ?? clientIdFor(o.clientName);
      clientIds.set(o.clientName, clientId);
      return { invoiceId: await invoiceIdFor(o.host, o.number), clientId: await clientId };
    }),
  );
  const parsed = observations.map((o, i) => toInvoice(o, ids[i]!.invoiceId, ids[i]!.clientId));

  return db.transaction('rw', [db.invoices, db.clients, db.outbox, db.syncState, db.merges], async () => {
    // A record a lead merged into another (a polluted number or name) is read as that other one.
    const merged = await resolveMerged(
      db,
      parsed.flatMap((d) => [d.id, d.clientId!]),
    );
    const resolved = parsed.map((d) => ({ ...d, id: merged.get(d.id)!, clientId: merged.get(d.clientId!)! }));
    const knownForSummary = await db.invoices.bulkGet(resolved.map((d) => d.id));
    // A summary (a customer page's box) fills in a new record but never replaces a known one's
    // amounts, dates or client: only its status is news.
    const drafts = resolved.map((d, i) => {
      const known = knownForSummary[i];
      if (!observations[i]!.summary || !known || known.deleted) return d;
      return { ...invoiceSchema.parse(known), status: d.status };
    });
    const invoiceKeys = [...new Set(drafts.map((d) => d.id))];
    const clientKeys = [...new Set(drafts.map((d) => d.clientId!))];
    const [knownInvoices, knownClients] = await Promise.all([
      db.invoices.bulkGet(invoiceKeys),
      db.clients.bulkGet(clientKeys),
    ]);
    const clients = new Batch<ClientRow>(clientKeys, knownClients);
    const invoices = new Batch<InvoiceRow>(invoiceKeys, knownInvoices);

    // A record a lead deleted (not merged: merged ones were resolved above) is no invoice or no
    // client to chase: reading the page again does not bring it back.
    const dismissed = new Set(
      drafts.flatMap((d, i) =>
        invoices.current(d.id)?.deleted || clients.current(d.clientId!)?.deleted ? [i] : [],
      ),
    );

    // In page order, against what the batch already changed (a client on several rows, say).
    for (const [i, draft] of drafts.entries()) {
      if (dismissed.has(i)) continue;
      const clientId = draft.clientId!;
      if (draft !== resolved[i]) {
        // A summary of a known invoice: its client stays as it was.
        const invoice = invoiceUpdate(invoices.current(draft.id), draft);
        if (invoice) invoices.change(invoiceRow(invoice, ''));
        continue;
      }
      const client = clientUpdate(
        clients.current(clientId),
        clientId,
        draft.clientName,
        observations[i]!.clientEmails,
      );
      if (client) clients.change(clientRow(client, ''));
      const invoice = invoiceUpdate(invoices.current(draft.id), draft);
      if (invoice) invoices.change(invoiceRow(invoice, ''));
    }

    // Clients before invoices, so that the server never hears of an invoice before its client.
    const changed = [...clients.changed(), ...invoices.changed()];
    if (changed.length > 0) {
      const hlcs = await nextHlcs(db, ctx.now, changed.length);
      changed.forEach((row, i) => {
        row.hlc = hlcs[i]!;
      });
      const newClients = clients.changed();
      const newInvoices = invoices.changed();
      if (newClients.length > 0) await db.clients.bulkPut(newClients);
      if (newInvoices.length > 0) await db.invoices.bulkPut(newInvoices);
      await enqueueAll(db, [...newClients.map(clientChange), ...newInvoices.map(invoiceChange)], ctx.now());
    }
    const missing = drafts.map((d) => d.clientId!).filter((id) => !clients.current(id));
    if (missing.length > 0) {
      const found = await db.clients.bulkGet(missing);
      found.forEach((row) => {
        if (row) clients.keep(row);
      });
    }
    return drafts
      .filter((_, i) => !dismissed.has(i))
      .map((draft) => ({
        invoice: invoices.current(draft.id)!,
        client: clients.current(draft.clientId!)!,
      }));
  });
}

/** The rows of one batch: as read from the database, then as the batch changed them. */
class Batch<Row extends { id: string }> {
  private readonly rows = new Map<string, Row>();
  private readonly dirty = new Set<string>();

  constructor(keys: string[], known: (Row | undefined)[]) {
    keys.forEach((key, i) => {
      const row = known[i];
      if (row) this.rows.set(key, row);
    });
  }

  current(id: string): Row | undefined {
    return this.rows.get(id);
  }

  /** A row read later (not changed). */
  keep(row: Row): void {
    if (!this.rows.has(row.id)) this.rows.set(row.id, row);
  }

  change(row: Row): void {
    this.rows.set(row.id, row);
    this.dirty.add(row.id);
  }

  /** Changed rows, in the order they were first changed. */
  changed(): Row[] {
    return [...this.dirty].map((id) => this.rows.get(id)!);
  }
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

/** The client's new data when the page tells something new about it (it is new, or new e-mails). */
function clientUpdate(existing: ClientRow | undefined, id: string, name: string, emails: string[] = []) {
  const valid = emails.map(normaliseEmail).filter((e) => emailSchema.safeParse(e).success);
  if (existing && !existing.deleted && valid.every((e) => existing.emails.includes(e))) return undefined;
  return existing
    ? { ...existingData(existing), emails: [...new Set([...existing.emails, ...valid])] }
    : { id, name, emails: [...new Set(valid)] };
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

/** The invoice's new data when the page shows it differently (the url alone does not count). */
function invoiceUpdate(existing: InvoiceRow | undefined, draft: Invoice): Invoice | undefined {
  if (existing && !existing.deleted && OBSERVED.every((k) => existing[k] === draft[k])) return undefined;
  // Keep what others set on the invoice (contract penalty rate, jurisdiction) and the first url seen.
  return existing
    ? { ...invoiceSchema.parse(existing), ...pick(draft, OBSERVED), url: existing.url ?? draft.url }
    : draft;
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Partial<T>;
}
