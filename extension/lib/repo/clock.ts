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
  const { nodeId, clock } = await load(db, () => now().getTime());
  const hlc = clock.now();
  await db.setState('clock', { nodeId, last: hlc });
  return hlc;
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
