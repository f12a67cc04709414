import { type DocumentChange, type MergeRecord, mergeRecord } from '@relance/shared';
import type { ClientRow, InvoiceRow, MergeRow, NoteRow, RelanceDb } from '../db';
import { nextHlcs } from './clock';
import type { RepoContext } from './context';
import { clientChange, clientRow, invoiceChange, noteChange } from './documents';
import { enqueueAll } from './outbox';

/**
 * "Record A is record B": a wrong client or invoice (a polluted number or name, a duplicate) merged
 * into the right one. The merge is a synced document, so every install applies it the same way:
 * - the merged record becomes a tombstone here (its data kept, nothing deleted);
 * - invoices and notes pointing at it point at the record it was merged into;
 * - activities (immutable, append-only) keep their ids on the server and are read through the
 *   merges here: stored ones are re-pointed locally, pulled ones when they arrive.
 */

/** Tables a transaction applying a merge must hold. */
export function mergeTables(db: RelanceDb) {
  return [db.merges, db.invoices, db.clients, db.notes, db.activities, db.outbox, db.syncState];
}

const MAX_CHAIN = 8;

/** Each id as the record it was merged into (following chains), itself when not merged. */
export async function resolveMerged(db: RelanceDb, ids: string[]): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  let pending = [...new Set(ids)];
  for (const id of pending) resolved.set(id, id);
  for (let depth = 0; depth < MAX_CHAIN && pending.length > 0; depth++) {
    const current = [...new Set(pending.map((id) => resolved.get(id)!))];
    const rows = await db.merges.bulkGet(current);
    const into = new Map<string, string>();
    rows.forEach((row, i) => {
      if (row && !row.deleted && row.into !== current[i]) into.set(current[i]!, row.into);
    });
    if (into.size === 0) break;
    const next: string[] = [];
    for (const id of pending) {
      const target = into.get(resolved.get(id)!);
      if (target) {
        resolved.set(id, target);
        next.push(id);
      }
    }
    pending = next;
  }
  return resolved;
}

/**
 * Merges records on this install and queues what changed for the team (the repair after an
 * upgrade). Call inside a transaction holding `mergeTables`.
 */
export async function mergeLocally(ctx: RepoContext, merges: MergeRecord[]): Promise<void> {
  const { db } = ctx;
  const changes: DocumentChange[] = [];
  for (const merge of merges) {
    const { rows, changed } = await repoint(db, merge);
    const [hlc, ...hlcs] = await nextHlcs(db, ctx.now, 1 + changed.length);
    const row: MergeRow = { ...mergeRecord.parse(merge), hlc: hlc!, deleted: false };
    await db.merges.put(row);
    changes.push(mergeChange(row));
    changed.forEach((write, i) => {
      write.row.hlc = hlcs[i]!;
    });
    await rows();
    changes.push(...changed.map((write) => write.change()));
  }
  await enqueueAll(db, changes, ctx.now());
}

/** Applies a merge pulled from the server (its writes come from whoever made it): nothing is queued. */
export async function applyPulledMerge(db: RelanceDb, row: MergeRow): Promise<void> {
  await db.merges.put(row);
  if (row.deleted) return;
  const { rows } = await repoint(db, row, { keepClocks: true });
  await rows();
}

type Write =
  | { row: InvoiceRow; change: () => DocumentChange }
  | { row: ClientRow; change: () => DocumentChange }
  | { row: NoteRow; change: () => DocumentChange };

/** Works out the re-pointed rows; `rows()` stores them (after their clocks are set). */
async function repoint(db: RelanceDb, merge: MergeRecord, options: { keepClocks?: boolean } = {}) {
  const changed: Write[] = [];
  const local: (() => Promise<unknown>)[] = [];
  if (merge.kind === 'client') {
    const [from, into] = await db.clients.bulkGet([merge.id, merge.into]);
    if (from && !from.deleted) {
      const tomb = { ...from, deleted: true };
      changed.push({ row: tomb, change: () => clientChange(tomb) });
    }
    if (!into && from) {
      // The record merged into is not here yet (pulled later, or the repair's new clean client).
      const created = clientRow({ ...stripMeta(from), id: merge.into }, from.hlc);
      changed.push({ row: created, change: () => clientChange(created) });
    }
    const name = into?.name;
    for (const invoice of await db.invoices.where('clientId').equals(merge.id).toArray()) {
      const row = { ...invoice, clientId: merge.into, ...(name ? { clientName: name } : {}) };
      changed.push({ row, change: () => invoiceChange(row) });
    }
    for (const note of await db.notes.where('clientId').equals(merge.id).toArray()) {
      const row = { ...note, clientId: merge.into };
      changed.push({ row, change: () => noteChange(row) });
    }
    const activities = await db.activities.where('clientId').equals(merge.id).toArray();
    local.push(() => db.activities.bulkPut(activities.map((a) => ({ ...a, clientId: merge.into }))));
  } else {
    const [from, into] = await db.invoices.bulkGet([merge.id, merge.into]);
    if (from && !from.deleted) {
      const tomb = { ...from, deleted: true };
      changed.push({ row: tomb, change: () => invoiceChange(tomb) });
      if (!into) {
        const { hlc: _h, deleted: _d, ...data } = from;
        const created = { ...data, id: merge.into, hlc: from.hlc, deleted: false };
        changed.push({ row: created, change: () => invoiceChange(created) });
      }
    }
    for (const note of await db.notes.where('invoiceId').equals(merge.id).toArray()) {
      const row = { ...note, invoiceId: merge.into };
      changed.push({ row, change: () => noteChange(row) });
    }
    const activities = await db.activities.where('invoiceIds').equals(merge.id).toArray();
    local.push(() =>
      db.activities.bulkPut(
        activities.map((a) => ({
          ...a,
          invoiceIds: [...new Set(a.invoiceIds.map((id) => (id === merge.id ? merge.into : id)))],
        })),
      ),
    );
  }
  // A pulled merge re-points what is here with the rows' own clocks (nothing queued): the merge's
  // author wrote those changes, with newer clocks, and they arrive with the pull.
  return {
    changed: options.keepClocks ? [] : changed,
    rows: async () => {
      for (const write of changed) await putRow(db, write);
      for (const run of local) await run();
    },
  };
}

async function putRow(db: RelanceDb, write: Write): Promise<void> {
  const change = write.change();
  if (change.docType === 'client') await db.clients.put(write.row as ClientRow);
  else if (change.docType === 'invoice') await db.invoices.put(write.row as InvoiceRow);
  else if (change.docType === 'note') await db.notes.put(write.row as NoteRow);
}

function stripMeta<T extends { hlc: string; deleted: boolean; nameKey?: string }>(row: T) {
  const { hlc: _h, deleted: _d, nameKey: _n, ...data } = row;
  return data;
}

export function mergeChange(row: MergeRow): DocumentChange {
  return {
    kind: 'document',
    docType: 'merge',
    id: row.id,
    hlc: row.hlc,
    deleted: row.deleted,
    data: mergeRecord.parse(row),
  } as DocumentChange;
}
