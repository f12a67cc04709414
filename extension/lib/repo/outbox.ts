import type { Change } from '@relance/shared';
import type { RelanceDb } from '../db';
import { changeKey } from './documents';

/**
 * Queues a change for the server. Call it inside the transaction that writes the record itself
 * (with `db.outbox` in its scope) so that the record and its change are stored together or not at all.
 *
 * A newer write to a document replaces the document's older queued change: only the latest state
 * needs to travel. A push already in flight holds the older entry by its `seq` and only deletes that.
 */
export async function enqueue(db: RelanceDb, change: Change, now = new Date()): Promise<void> {
  const key = changeKey(change);
  if (change.kind === 'document') await db.outbox.where('key').equals(key).delete();
  await db.outbox.add({ key, change, queuedAt: now.toISOString() });
}

/**
 * Queues several changes at once, with the same guarantee as `enqueue` (call it inside the
 * transaction that writes the records): older queued writes of these documents are dropped in one
 * query and the new entries added in one, in the order given.
 */
export async function enqueueAll(db: RelanceDb, changes: Change[], now = new Date()): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({ key: changeKey(change), change, queuedAt: now.toISOString() }));
  const replaced = rows.filter((row) => row.change.kind === 'document').map((row) => row.key);
  if (replaced.length > 0) await db.outbox.where('key').anyOf(replaced).delete();
  await db.outbox.bulkAdd(rows);
}
