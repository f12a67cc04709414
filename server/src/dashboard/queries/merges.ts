import { type Activity, mergeRecord } from '@relance/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { documents } from '../../db/schema';

/**
 * The team's merges (a client or invoice record merged into another by a lead or by an install's
 * repair): each merged id with the id it now reads as, chains followed. Merged records are
 * tombstones, so the figures never see them; activities are immutable and keep the ids they were
 * written with, so they are read through this map.
 */
export async function loadMerges(db: Database, teamId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ data: documents.data })
    .from(documents)
    .where(and(eq(documents.teamId, teamId), eq(documents.docType, 'merge'), eq(documents.deleted, false)));
  const direct = new Map<string, string>();
  for (const row of rows) {
    const parsed = mergeRecord.safeParse(row.data);
    if (parsed.success && parsed.data.id !== parsed.data.into) direct.set(parsed.data.id, parsed.data.into);
  }
  const resolved = new Map<string, string>();
  for (const id of direct.keys()) {
    let target = id;
    // A bounded walk: a cycle (two installs merging each way) stops where it started.
    for (let depth = 0; depth < 8 && direct.has(target); depth++) {
      const next = direct.get(target)!;
      if (next === id) break;
      target = next;
    }
    if (target !== id) resolved.set(id, target);
  }
  return resolved;
}

/** The activity with its client and invoices as the records they were merged into. */
export function throughMerges(activity: Activity, merges: Map<string, string>): Activity {
  if (merges.size === 0) return activity;
  const clientId = merges.get(activity.clientId) ?? activity.clientId;
  const invoiceIds = [...new Set(activity.invoiceIds.map((id) => merges.get(id) ?? id))];
  return { ...activity, clientId, invoiceIds };
}
