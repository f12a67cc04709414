import type { RelanceDb } from '../db';

/**
 * A lease kept in IndexedDB so that two sync runs never overlap, also when the service worker is
 * stopped mid-run and started again (memory is gone then, the row is not). A run that dies leaves
 * its lease behind; it simply expires. IndexedDB serialises read-write transactions on a store, so
 * the check-and-take below is atomic across the background and the extension's pages.
 */
export const LOCK_LEASE_MS = 60_000;

export async function acquireLock(db: RelanceDb, owner: string, now: number, leaseMs = LOCK_LEASE_MS) {
  return db.transaction('rw', db.syncState, async () => {
    const lock = await db.getState('lock');
    if (lock && lock.owner !== owner && lock.until > now) return false;
    await db.setState('lock', { owner, until: now + leaseMs });
    return true;
  });
}

/**
 * Extends the lease; false when another run has taken it over (ours expired), so we must stop.
 * Taking and extending are the same check-and-write.
 */
export const renewLock = acquireLock;

export async function releaseLock(db: RelanceDb, owner: string) {
  await db.transaction('rw', db.syncState, async () => {
    const lock = await db.getState('lock');
    if (lock?.owner === owner) await db.syncState.delete('lock');
  });
}
