import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/open';
import { documents } from '../db/schema';
import { ServiceError } from './errors';

/** Filters of the dashboard's history (all optional; dates inclusive). */
export interface HistoryFilters {
  clientId?: string;
  invoiceId?: string;
  personId?: string;
  /** An activity type, or `note`. */
  type?: string;
  from?: string;
  to?: string;
  /** Words searched in comments, note texts, subjects, reasons… (case-insensitive). */
  q?: string;
}

export interface HistoryEntry {
  kind: 'activity' | 'note';
  id: string;
  type: string;
  clientId: string | null;
  clientName: string | null;
  invoiceIds: string[];
  invoiceNumbers: string[];
  /** The currency of the first invoice it concerns, when known (activities carry none of their own). */
  currency?: string;
  /** Business date of an activity; UTC day of a note's last change. */
  date: string;
  at: string;
  authorId: string;
  authorName: string | null;
  data: Record<string, unknown>;
}

interface HistoryRow {
  kind: 'activity' | 'note';
  id: string;
  type: string;
  client_id: string | null;
  invoice_ids: string[] | null;
  date: string;
  at: string;
  author_id: string;
  author_name: string | null;
  data: Record<string, unknown>;
  version: string | number;
  total: string | number;
}

const ISO_INSTANT = `YYYY-MM-DD"T"HH24:MI:SS.MS"Z"`;

/**
 * Activities and notes of one team, newest first, with author names and the names of the clients
 * and invoices they concern. Notes appear once, in their latest state; deleted notes do not.
 */
export async function queryHistory(
  db: Database,
  teamId: string,
  filters: HistoryFilters,
  page: { limit: number; offset: number; cursor?: string },
): Promise<{ items: HistoryEntry[]; total: number; nextCursor: string | null }> {
  const after = page.cursor === undefined ? undefined : decodeHistoryCursor(page.cursor);
  const wantActivities = filters.type !== 'note';
  const wantNotes = filters.type === undefined || filters.type === 'note';
  const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;

  const activityWhere: SQL[] = [sql`a.team_id = ${teamId}`];
  // Activities keep the client they were written for: a client merged into this one counts too.
  if (filters.clientId)
    activityWhere.push(sql`(a.client_id = ${filters.clientId} or a.client_id in (select m.id from documents m
      where m.team_id = ${teamId} and m.doc_type = 'merge' and not m.deleted and m.data->>'into' = ${filters.clientId}))`);
  if (filters.invoiceId)
    activityWhere.push(sql`a.data -> 'invoiceIds' @> jsonb_build_array(${filters.invoiceId}::text)`);
  if (filters.personId) activityWhere.push(sql`a.author_id = ${filters.personId}`);
  if (filters.type && filters.type !== 'note') activityWhere.push(sql`a.type = ${filters.type}`);
  if (filters.from) activityWhere.push(sql`a.date >= ${filters.from}`);
  if (filters.to) activityWhere.push(sql`a.date <= ${filters.to}`);
  if (pattern) {
    activityWhere.push(sql`concat_ws(' ', a.data->>'comment', a.data->>'text', a.data->>'subject', a.data->>'reason',
      a.data->>'outcome', a.data->>'resolution') ilike ${pattern}`);
  }

  const noteDay = sql`to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD')`;
  const noteWhere: SQL[] = [sql`d.team_id = ${teamId}`, sql`d.doc_type = 'note'`, sql`not d.deleted`];
  if (filters.clientId) noteWhere.push(sql`d.client_id = ${filters.clientId}`);
  if (filters.invoiceId) noteWhere.push(sql`d.invoice_id = ${filters.invoiceId}`);
  if (filters.personId) noteWhere.push(sql`d.author_id = ${filters.personId}`);
  if (filters.from) noteWhere.push(sql`${noteDay} >= ${filters.from}`);
  if (filters.to) noteWhere.push(sql`${noteDay} <= ${filters.to}`);
  if (pattern) noteWhere.push(sql`d.data->>'text' ilike ${pattern}`);

  const parts: SQL[] = [];
  if (wantActivities) {
    parts.push(sql`
      select 'activity' as kind, a.id::text as id, a.type, a.client_id::text as client_id,
             array(select jsonb_array_elements_text(a.data -> 'invoiceIds')) as invoice_ids,
             a.date, to_char(a.at at time zone 'UTC', ${ISO_INSTANT}) as at, a.version,
             a.author_id::text as author_id, p.name as author_name, a.data
        from activities a left join people p on p.id = a.author_id
       where ${and(...activityWhere)}`);
  }
  if (wantNotes) {
    parts.push(sql`
      select 'note' as kind, d.id::text as id, 'note' as type, d.client_id::text as client_id,
             case when d.invoice_id is null then array[]::text[] else array[d.invoice_id::text] end as invoice_ids,
             ${noteDay} as date, to_char(d.updated_at at time zone 'UTC', ${ISO_INSTANT}) as at, d.version,
             d.author_id::text as author_id, p.name as author_name, d.data
        from documents d left join people p on p.id = d.author_id
       where ${and(...noteWhere)}`);
  }
  if (parts.length === 0) return { items: [], total: 0, nextCursor: null };

  // Newest first by (date, at, version); versions are unique in a team, so the order is total and a
  // cursor (the last item's key) says exactly where the next page starts.
  const result = await db.execute(sql`
    select * from (
      select h.*, count(*) over () as total
        from (${sql.join(parts, sql` union all `)}) h
    ) x
     where ${after ? sql`(x.date, x.at, x.version) < (${after.date}, ${after.at}, ${after.version})` : sql`true`}
     order by x.date desc, x.at desc, x.version desc
     limit ${page.limit + 1} offset ${page.offset}`);
  const fetched = rowsOf<HistoryRow>(result);
  const rows = fetched.slice(0, page.limit);
  const last = rows.at(-1);
  const nextCursor =
    fetched.length > page.limit && last
      ? encodeHistoryCursor({ date: last.date, at: last.at, version: Number(last.version) })
      : null;
  const names = await lookUpNames(db, teamId, rows);
  const items = rows.map((r): HistoryEntry => {
    const invoiceIds = r.invoice_ids ?? [];
    const currency = names.currencies.get(invoiceIds[0] ?? '');
    return {
      kind: r.kind,
      id: r.id,
      type: r.type,
      clientId: r.client_id,
      clientName: (r.client_id && names.clients.get(r.client_id)) || null,
      invoiceIds,
      invoiceNumbers: invoiceIds.map((id) => names.invoices.get(id) ?? '').filter(Boolean),
      date: r.date,
      at: r.at,
      authorId: r.author_id,
      authorName: r.author_name,
      data: r.data,
      ...(currency ? { currency } : {}),
    };
  });
  // A page past the end carries no row, hence no total: ask for the first page's.
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : page.offset > 0 || after
        ? (await queryHistory(db, teamId, filters, { limit: 1, offset: 0 })).total
        : 0;
  return { items, total, nextCursor };
}

interface HistoryKey {
  date: string;
  at: string;
  version: number;
}

function encodeHistoryCursor(key: HistoryKey): string {
  return Buffer.from(JSON.stringify([key.date, key.at, key.version]), 'utf8').toString('base64url');
}

/** A cursor from `nextCursor`, or a 400 when it is not one. */
function decodeHistoryCursor(cursor: string): HistoryKey {
  try {
    const [date, at, version] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      typeof at === 'string' &&
      /^[0-9T:.Z-]{10,40}$/.test(at) &&
      Number.isSafeInteger(version)
    ) {
      return { date, at, version: version as number };
    }
  } catch {
    // Not base64 JSON: refused below.
  }
  throw new ServiceError(400, 'invalid_request', 'cursor: expected the nextCursor of a history page', {
    issues: [{ path: 'cursor', message: 'expected the nextCursor of a history page' }],
  });
}

/** The names of the clients and invoice numbers a page mentions, from the team's documents. */
async function lookUpNames(db: Database, teamId: string, rows: HistoryRow[]) {
  const clientIds = [...new Set(rows.map((r) => r.client_id).filter((id): id is string => !!id))];
  const invoiceIds = [...new Set(rows.flatMap((r) => r.invoice_ids ?? []))];
  const clients = new Map<string, string>();
  const invoices = new Map<string, string>();
  const currencies = new Map<string, string>();
  const ids = [...clientIds, ...invoiceIds];
  if (ids.length === 0) return { clients, invoices, currencies };
  const docs = await db
    .select({ docType: documents.docType, id: documents.id, data: documents.data })
    .from(documents)
    .where(
      and(
        eq(documents.teamId, teamId),
        inArray(documents.docType, ['client', 'invoice']),
        inArray(documents.id, ids),
      ),
    );
  for (const doc of docs) {
    const data = doc.data as { name?: unknown; number?: unknown; currency?: unknown };
    if (doc.docType === 'client' && typeof data.name === 'string') clients.set(doc.id, data.name);
    if (doc.docType === 'invoice' && typeof data.number === 'string') invoices.set(doc.id, data.number);
    if (doc.docType === 'invoice' && typeof data.currency === 'string') currencies.set(doc.id, data.currency);
  }
  return { clients, invoices, currencies };
}
