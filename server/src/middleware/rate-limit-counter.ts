import { lt, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/open';
import { rateLimits } from '../db/schema';

/** Counters older than this are swept away now and then (a token nobody uses any more). */
const SWEEP_AFTER_MS = 24 * 3600_000;
const SWEEP_CHANCE = 0.01;

export interface Counted {
  /** Requests counted in the window that starts at `windowStart`, this one included. */
  count: number;
  /** Requests counted in the window just before it. */
  previousCount: number;
  windowStart: Date;
}

/**
 * Counts one request of `key` in the window that starts at `windowStart`, in one statement that
 * every instance can run at once. Opening the next window carries this one's count over as the
 * previous count (a later one starts from nothing); an instance whose clock lags a little counts
 * into the window already open rather than going back to an older one.
 */
export async function countRequest(
  db: Database,
  key: string,
  windowStart: Date,
  windowMs: number,
): Promise<Counted> {
  const previousStart = new Date(windowStart.getTime() - windowMs).toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1, previousCount: 0 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        previousCount: sql`case
          when excluded.window_start <= ${rateLimits.windowStart} then ${rateLimits.previousCount}
          when ${rateLimits.windowStart} = ${previousStart}::timestamptz then ${rateLimits.count}
          else 0 end`,
        count: sql`case when excluded.window_start > ${rateLimits.windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`greatest(${rateLimits.windowStart}, excluded.window_start)`,
      },
    })
    .returning({
      count: rateLimits.count,
      previousCount: rateLimits.previousCount,
      windowStart: rateLimits.windowStart,
    });
  if (!row) throw new Error('rate limit counter not returned');
  if (row.count === 1 && Math.random() < SWEEP_CHANCE) {
    await db
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, new Date(windowStart.getTime() - SWEEP_AFTER_MS)));
  }
  return row;
}

/** Takes back a request that was refused: refused requests do not use up the budget. */
export async function uncountRequest(db: Database, key: string, windowStart: Date): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(
      sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz`,
    );
}

/**
 * The sliding-window estimate (the requests of the last full window length): this window's count
 * plus the previous window's, weighed by how much of it still lies within the last window length.
 */
export function slidingCount(counted: Counted, at: number, windowMs: number): number {
  const elapsed = Math.min(Math.max(at - counted.windowStart.getTime(), 0), windowMs);
  return counted.count + counted.previousCount * (1 - elapsed / windowMs);
}

/** Seconds until one more request would fit under `limit` (at least 1). */
export function secondsUntilRoom(counted: Counted, at: number, windowMs: number, limit: number): number {
  const start = counted.windowStart.getTime();
  const elapsed = Math.min(Math.max(at - start, 0), windowMs);
  // The refused request is not counted: `count` requests stand in this window.
  const standing = counted.count - 1;
  let waitMs: number;
  if (standing + 1 <= limit && counted.previousCount > 0) {
    // Room comes as the previous window's weight fades: count + prev·(1 − t/W) + 1 ≤ limit.
    const t = windowMs * (1 - (limit - standing - 1) / counted.previousCount);
    waitMs = t - elapsed;
  } else {
    // This window alone is full: in the next one, its count is the fading previous count.
    const next = standing > 0 ? windowMs * (1 - (limit - 1) / standing) : 0;
    waitMs = windowMs - elapsed + Math.max(next, 0);
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

export interface TokenCaller {
  tokenId: string;
  teamId: string;
  teamName: string;
  personId: string;
  personName: string;
  role: string;
}

/**
 * The token check and its rate-limit count in one statement (one round trip on every API call):
 * the token is looked up by hash, and only a known token's counter (keyed by its id) is counted.
 * Answers null for an unknown or revoked token, which the caller counts against its address.
 */
export async function authenticateAndCount(
  db: Database,
  tokenHash: string,
  windowStart: Date,
  windowMs: number,
): Promise<{ caller: TokenCaller; counted: Counted } | null> {
  const start = windowStart.toISOString();
  const previousStart = new Date(windowStart.getTime() - windowMs).toISOString();
  const rows = rowsOf<{
    token_id: string;
    team_id: string;
    team_name: string;
    person_id: string;
    person_name: string;
    role: string;
    count: number;
    previous_count: number;
    window_ms: string | number;
  }>(
    await db.execute(sql`
      with tok as (
        select t.id::text as token_id, tm.id::text as team_id, tm.name as team_name,
               p.id::text as person_id, p.name as person_name, p.role
          from tokens t
          join people p on p.id = t.person_id
          join teams tm on tm.id = t.team_id
         where t.token_hash = ${tokenHash} and t.revoked_at is null
         limit 1
      ), counted as (
        insert into rate_limits as r (key, window_start, count, previous_count)
        select 'token:' || tok.token_id, ${start}::timestamptz, 1, 0 from tok
        on conflict (key) do update set
          previous_count = case
            when excluded.window_start <= r.window_start then r.previous_count
            when r.window_start = ${previousStart}::timestamptz then r.count
            else 0 end,
          count = case when excluded.window_start > r.window_start then 1 else r.count + 1 end,
          window_start = greatest(r.window_start, excluded.window_start)
        returning count, previous_count, extract(epoch from window_start) * 1000 as window_ms
      )
      select tok.*, counted.count, counted.previous_count, counted.window_ms from tok cross join counted`),
  );
  const row = rows[0];
  if (!row) return null;
  return {
    caller: {
      tokenId: row.token_id,
      teamId: row.team_id,
      teamName: row.team_name,
      personId: row.person_id,
      personName: row.person_name,
      role: row.role,
    },
    counted: {
      count: Number(row.count),
      previousCount: Number(row.previous_count),
      windowStart: new Date(Number(row.window_ms)),
    },
  };
}
