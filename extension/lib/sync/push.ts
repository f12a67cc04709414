import type { Change, PushResult } from '@relance/shared';
import type { OutboxRow, RelanceDb } from '../db';
import { changeId } from '../repo/documents';
import type { ApiClient } from './api';

export const PUSH_BATCH_SIZE = 100;

export interface PushSummary {
  sent: number;
  accepted: number;
  duplicate: number;
  stale: number;
  rejected: number;
}

export interface PushContext {
  db: RelanceDb;
  api: ApiClient;
  teamId: string;
  /** Calls the server with retries (see engine.ts). */
  retry: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Keeps the run's lock; false means another run took over and this one must stop. */
  stillOwner: () => Promise<boolean>;
  now: () => Date;
  batchSize?: number;
}

/**
 * Sends the outbox oldest first, in batches. An entry leaves the outbox only once the server has
 * answered for it, so a push cut off anywhere is simply sent again (the server deduplicates).
 */
export async function pushOutbox(ctx: PushContext): Promise<PushSummary> {
  const summary: PushSummary = { sent: 0, accepted: 0, duplicate: 0, stale: 0, rejected: 0 };
  for (;;) {
    const batch = takeBatch(
      await ctx.db.outbox
        .orderBy('seq')
        .limit(ctx.batchSize ?? PUSH_BATCH_SIZE)
        .toArray(),
    );
    if (batch.length === 0) return summary;
    const changes = batch.map((row) => addressed(row.change, ctx.teamId));
    const results = await ctx.retry(() => ctx.api.push(changes));
    if (!(await ctx.stillOwner())) return summary;
    const settled = await applyResults(ctx, batch, changes, results, summary);
    summary.sent += batch.length;
    // A server that answers for none of the changes would make us loop for ever.
    if (settled === 0) throw new Error('the server answered for none of the pushed changes');
  }
}

/** One change per id in a batch, so that each result maps to exactly one entry. */
function takeBatch(rows: OutboxRow[]): OutboxRow[] {
  const seen = new Set<string>();
  const batch: OutboxRow[] = [];
  for (const row of rows) {
    const id = changeId(row.change);
    if (seen.has(id)) break;
    seen.add(id);
    batch.push(row);
  }
  return batch;
}

/** Team settings are one document per team whose id is the team id, known only once signed in. */
function addressed(change: Change, teamId: string): Change {
  return change.kind === 'document' && change.docType === 'settings' ? { ...change, id: teamId } : change;
}

async function applyResults(
  ctx: PushContext,
  batch: OutboxRow[],
  changes: Change[],
  results: PushResult[],
  summary: PushSummary,
): Promise<number> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const at = ctx.now().toISOString();
  let settled = 0;
  await ctx.db.transaction('rw', ctx.db.outbox, ctx.db.setAside, async () => {
    for (const [index, row] of batch.entries()) {
      const change = changes[index]!;
      const result = byId.get(changeId(change)) ?? byId.get(String(index));
      if (!result) continue; // no answer for it: it stays queued for the next push
      settled++;
      summary[result.status]++;
      await ctx.db.outbox.delete(row.seq!);
      if (result.status === 'rejected') {
        await ctx.db.setAside.add({ change, status: 'rejected', reason: result.reason ?? '', at });
      } else if (result.status === 'stale' && change.kind === 'document' && change.docType === 'note') {
        // A teammate's newer edit won; what was typed here is kept, never silently dropped.
        await ctx.db.setAside.add({ change, status: 'stale', reason: result.reason ?? 'newer edit', at });
      }
    }
  });
  return settled;
}
