import { RelanceDb } from '../lib/db';
import type { RepoContext } from '../lib/repo/context';

let counter = 0;

/** A fresh database per test (fake-indexeddb keeps them apart by name). */
export function freshDb(name = `relance-test-${process.pid}-${++counter}`): RelanceDb {
  return new RelanceDb(name);
}

/** A controllable clock: `advance(ms)` moves time on. */
export function testClock(start = Date.UTC(2026, 2, 12, 9, 30)) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}

export function repoContext(db: RelanceDb, clock = testClock()): RepoContext {
  return { db, now: clock.now };
}
