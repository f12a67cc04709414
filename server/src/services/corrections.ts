import {
  type Client,
  type CorrectionRequest,
  type CorrectionResult,
  client as clientSchema,
  compareHlc,
  createHlc,
  type DocumentChange,
  type Invoice,
  invoice as invoiceSchema,
  type Note,
  normaliseInvoiceNumber,
  note as noteSchema,
} from '@relance/shared';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/open';
import { documents } from '../db/schema';
import { ServiceError } from './errors';
import type { Identity } from './identity';
import { pushChanges } from './sync/push';

/**
 * A lead's correction of a wrong client or invoice (issue 11), written as ordinary synced document
 * changes through the same push as the extension's writes: versions, the pull cursor and
 * last-writer-wins hold, and every install pulls and applies them (extension/lib/repo/merges.ts).
 *
 * - Merge a client: a `merge` document {id: from, into}, the merged client as a tombstone, its
 *   invoices and notes re-pointed to the client merged into. An invoice of the merged client that the
 *   other client already has (same site, same normalised number) is the same invoice: it is merged
 *   too, so it is counted once. Activities are immutable: every reader reads them through the merges.
 * - Merge an invoice: a `merge` document, the merged invoice as a tombstone, its notes re-pointed.
 * - Delete: a tombstone (a client's invoices with it). The extension never brings a record a lead
 *   deleted back from a page it reads again.
 * Every write carries a clock from the server (node `server`) later than the record's own.
 */
export async function applyCorrection(
  db: Database,
  identity: Identity,
  request: CorrectionRequest,
  now: Date,
): Promise<CorrectionResult> {
  if (identity.person.role === 'member') {
    throw new ServiceError(403, 'forbidden_role', 'only an owner or a lead can correct records');
  }
  const teamId = identity.team.id;
  const from = await liveDocument(db, teamId, request.kind, request.id);
  if (!from) throw new ServiceError(404, 'unknown_record', `no ${request.kind} ${request.id} in this team`);
  const into = request.action === 'merge' ? await liveDocument(db, teamId, request.kind, request.into) : null;
  if (request.action === 'merge' && !into) {
    throw new ServiceError(404, 'unknown_record', `no ${request.kind} ${request.into} to merge into`);
  }

  const plan = new Plan();
  const result: CorrectionResult = {
    action: request.action,
    kind: request.kind,
    id: request.id,
    ...(request.action === 'merge' ? { into: request.into } : {}),
    invoicesMoved: 0,
    invoicesMerged: 0,
    invoicesDeleted: 0,
    notesMoved: 0,
  };

  if (request.kind === 'client') {
    const fromClient = clientSchema.parse(from.data);
    const invoices = await linked(db, teamId, 'invoice', 'clientId', [fromClient.id]);
    if (into) {
      const intoClient = clientSchema.parse(into.data);
      plan.merge('client', from, intoClient.id);
      plan.write('client', from, { ...fromClient }, true);
      const theirs = await linked(db, teamId, 'invoice', 'clientId', [intoClient.id]);
      const sameInvoice = new Map(
        theirs.map((row) => {
          const invoice = invoiceSchema.parse(row.data);
          return [invoiceKey(invoice), invoice.id];
        }),
      );
      for (const row of invoices) {
        const invoice = invoiceSchema.parse(row.data);
        const twin = sameInvoice.get(invoiceKey(invoice));
        if (twin) {
          plan.merge('invoice', row, twin);
          plan.write('invoice', row, invoice, true);
          result.invoicesMerged++;
        } else {
          plan.write('invoice', row, { ...invoice, clientId: intoClient.id, clientName: intoClient.name });
          result.invoicesMoved++;
        }
      }
      result.notesMoved = await repointNotes(db, teamId, plan, 'clientId', fromClient.id, intoClient.id);
    } else {
      plan.write('client', from, fromClient, true);
      for (const row of invoices) plan.write('invoice', row, invoiceSchema.parse(row.data), true);
      result.invoicesDeleted = invoices.length;
    }
  } else {
    const invoice = invoiceSchema.parse(from.data);
    plan.write('invoice', from, invoice, true);
    if (into) {
      plan.merge('invoice', from, into.id);
      result.invoicesMerged = 1;
      result.notesMoved = await repointNotes(db, teamId, plan, 'invoiceId', invoice.id, into.id);
    } else {
      result.invoicesDeleted = 1;
    }
  }

  // An earlier merge document of the same record (undone since) must lose to this one.
  const earlierMerges = await db
    .select({ id: documents.id, hlc: documents.hlc })
    .from(documents)
    .where(
      and(
        eq(documents.teamId, teamId),
        eq(documents.docType, 'merge'),
        inArray(documents.id, plan.mergeIds()),
      ),
    );
  const changes = plan.changes(now, earlierMerges);
  const results = await pushChanges(db, identity, changes, now);
  const refused = results.find((r) => r.status !== 'accepted');
  if (refused) {
    throw new ServiceError(
      409,
      'record_changed',
      refused.reason ?? 'a record changed meanwhile: look at it again and retry',
    );
  }
  return result;
}

type Row = { docType: string; id: string; hlc: string; data: unknown };

async function liveDocument(db: Database, teamId: string, docType: 'client' | 'invoice', id: string) {
  const [row] = await db
    .select({ docType: documents.docType, id: documents.id, hlc: documents.hlc, data: documents.data })
    .from(documents)
    .where(
      and(
        eq(documents.teamId, teamId),
        eq(documents.docType, docType),
        eq(documents.id, id),
        eq(documents.deleted, false),
      ),
    );
  return row ?? null;
}

/** Live documents of a type pointing at ids (`clientId` is a column; `invoiceId` of notes too). */
async function linked(
  db: Database,
  teamId: string,
  docType: 'invoice' | 'note',
  by: 'clientId' | 'invoiceId',
  ids: string[],
): Promise<Row[]> {
  const column = by === 'clientId' ? documents.clientId : documents.invoiceId;
  return db
    .select({ docType: documents.docType, id: documents.id, hlc: documents.hlc, data: documents.data })
    .from(documents)
    .where(
      and(
        eq(documents.teamId, teamId),
        eq(documents.docType, docType),
        eq(documents.deleted, false),
        or(...ids.map((id) => eq(column, id))),
      ),
    );
}

async function repointNotes(
  db: Database,
  teamId: string,
  plan: Plan,
  by: 'clientId' | 'invoiceId',
  from: string,
  into: string,
): Promise<number> {
  const notes = await linked(db, teamId, 'note', by, [from]);
  for (const row of notes) {
    const note = noteSchema.parse(row.data);
    plan.write('note', row, { ...note, [by]: into });
  }
  return notes.length;
}

/** An invoice's identity: its site and normalised number (as the extension's stable ids). */
function invoiceKey(invoice: Invoice): string {
  return `${invoice.host ?? ''}\n${normaliseInvoiceNumber(invoice.number)}`;
}

type Write =
  | { docType: 'client'; before: Row; data: Client; deleted: boolean }
  | { docType: 'invoice'; before: Row; data: Invoice; deleted: boolean }
  | { docType: 'note'; before: Row; data: Note; deleted: boolean }
  | { docType: 'merge'; before: Row; into: string; kind: 'client' | 'invoice' };

/** The writes of one correction, clocked together when they are turned into changes. */
class Plan {
  private readonly writes: Write[] = [];

  merge(kind: 'client' | 'invoice', before: Row, into: string): void {
    this.writes.push({ docType: 'merge', before, into, kind });
  }

  write<T extends 'client' | 'invoice' | 'note'>(
    docType: T,
    before: Row,
    data: T extends 'client' ? Client : T extends 'invoice' ? Invoice : Note,
    deleted = false,
  ): void {
    this.writes.push({ docType, before, data, deleted } as Write);
  }

  mergeIds(): string[] {
    const ids = this.writes.filter((w) => w.docType === 'merge').map((w) => w.before.id);
    return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
  }

  /**
   * Merge documents first (an install that pulls half a page already reads through them), then the
   * records. One server clock, started after every clock involved, so each write wins over the
   * record it replaces.
   */
  changes(now: Date, earlier: { hlc: string }[]): DocumentChange[] {
    const latest = [...this.writes.map((w) => w.before.hlc), ...earlier.map((e) => e.hlc)].reduce((a, b) =>
      compareHlc(a, b) >= 0 ? a : b,
    );
    const clock = createHlc('server', () => now.getTime());
    clock.receive(latest);
    const ordered = [
      ...this.writes.filter((w) => w.docType === 'merge'),
      ...this.writes.filter((w) => w.docType === 'client'),
      ...this.writes.filter((w) => w.docType === 'invoice'),
      ...this.writes.filter((w) => w.docType === 'note'),
    ];
    return ordered.map((w): DocumentChange => {
      const hlc = clock.now();
      if (w.docType === 'merge') {
        const id = w.before.id;
        return {
          kind: 'document',
          docType: 'merge',
          id,
          hlc,
          deleted: false,
          data: { id, kind: w.kind, into: w.into },
        };
      }
      return {
        kind: 'document',
        docType: w.docType,
        id: w.before.id,
        hlc,
        deleted: w.deleted,
        data: w.data,
      } as DocumentChange;
    });
  }
}
