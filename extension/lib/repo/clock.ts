import { createHlc, HlcError, randomId } from '@relance/shared';
import type { RelanceDb } from '../db';

/**
 * This install's hybrid logical clock. Its node id and last timestamp live in IndexedDB and are
 * read and written inside the caller's transaction (which must include `db.syncState`), so the clock
 * never goes backwards, also after the service worker was stopped or the browser restarted.
 */
async function load(db: RelanceDb, wallClock: () => number) {
  const state = await db.getState('clock');
  const nodeId = state?.nodeId ?? randomId(16);
  return { nodeId, clock: createHlc(nodeId, wallClock, state?.last) };
}

/** A timestamp for a local write, later than every one issued or received before. */
export async function nextHlc(db: RelanceDb, now: () => Date): Promise<string> {
  const [hlc] = await nextHlcs(db, now, 1);
  return hlc!;
}

/**
 * `count` increasing timestamps for a batch of writes: the clock is read and saved once, not once
 * per record (a page of 500 invoices would otherwise read and write the clock 500 times).
 */
export async function nextHlcs(db: RelanceDb, now: () => Date, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { nodeId, clock } = await load(db, () => now().getTime());
  const issued = Array.from({ length: count }, () => clock.now());
  await db.setState('clock', { nodeId, last: issued.at(-1)! });
  return issued;
}

/** Merges a clock seen on a pulled change, so that our next write is ordered after it. */
export async function observeHlc(db: RelanceDb, remote: string, now: () => Date): Promise<void> {
  const { nodeId, clock } = await load(db, () => now().getTime());
  try {
    await db.setState('clock', { nodeId, last: clock.receive(remote) });
  } catch (error) {
    // A teammate's clock far in the future must not drag ours along; the change itself still applies.
    if (!(error instanceof HlcError)) throw error;
  }
}
