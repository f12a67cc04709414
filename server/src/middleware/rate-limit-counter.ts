import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { rateLimits } from '../db/schema';

/** Counters older than this are swept away now and then (a token nobody uses any more). */
const SWEEP_AFTER_MS = 24 * 3600_000;
const SWEEP_CHANCE = 0.01;

/**
 * Counts one request of `key` in the window that starts at `windowStart`, in one statement that
 * every instance can run at once. A newer window restarts the count; an instance whose clock lags
 * a little counts into the window already open rather than going back to an older one.
 */
export async function countRequest(
  db: Database,
  key: string,
  windowStart: Date,
): Promise<{ count: number; windowStart: Date }> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when excluded.window_start > ${rateLimits.windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`greatest(${rateLimits.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (!row) throw new Error('rate limit counter not returned');
  if (row.count === 1 && Math.random() < SWEEP_CHANCE) {
    await db
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, new Date(windowStart.getTime() - SWEEP_AFTER_MS)));
  }
  return row;
}
