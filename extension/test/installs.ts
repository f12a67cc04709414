import type { RelanceDb } from '../lib/db';
import type { RepoContext } from '../lib/repo/context';
import type { FetchLike } from '../lib/sync/api';
import { SyncEngine } from '../lib/sync/engine';
import { freshDb, testClock } from './helpers';

/**
 * The address installs are configured with in tests. The fetch below sends it to wherever the
 * test server currently listens (a restarted server gets a new port), and can inject faults.
 */
export const SERVER = 'http://relance.test';

export type Fault =
  /** The request never leaves (offline, DNS, refused). */
  | 'offline'
  /** The server answers 500 without handling the request. */
  | 'http-500'
  /** The server handles the request, then the answer is lost on the way back. */
  | 'lost-answer'
  /** The request is delivered twice (a proxy retry); the second answer comes back. */
  | 'twice'
  /** The request never completes (a service worker stopped mid-request). */
  | 'hang';

export class TestNetwork {
  target = '';
  readonly log: string[] = [];
  private faults: { match: RegExp; fault: Fault; times: number }[] = [];
  /** Called after a 'lost-answer' request reached the server (e.g. to kill it). */
  onLostAnswer?: () => Promise<void>;

  inject(match: RegExp, fault: Fault, times = 1) {
    this.faults.push({ match, fault, times });
  }

  clear() {
    this.faults = [];
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = input.replace(SERVER, this.target);
    const path = new URL(url).pathname + new URL(url).search;
    this.log.push(`${init?.method ?? 'GET'} ${path}`);
    const rule = this.faults.find((f) => f.times > 0 && f.match.test(path));
    if (rule) rule.times--;
    switch (rule?.fault) {
      case 'offline':
        throw new TypeError('fetch failed');
      case 'http-500':
        return new Response(JSON.stringify({ error: 'internal_error', message: 'boom' }), { status: 500 });
      case 'lost-answer':
        await fetch(url, init);
        await this.onLostAnswer?.();
        throw new TypeError('fetch failed: socket hang up');
      case 'twice':
        await fetch(url, init);
        return fetch(url, init);
      case 'hang':
        return new Promise<Response>(() => {});
      default:
        return fetch(url, init);
    }
  };
}

export interface Install {
  db: RelanceDb;
  ctx: RepoContext;
  clock: ReturnType<typeof testClock>;
  network: TestNetwork;
  engine: SyncEngine;
  /** A new engine on the same database: what a restarted service worker gets. */
  restart(): SyncEngine;
}

export function makeInstall(target: string, clock = testClock(Date.now())): Install {
  const db = freshDb();
  const network = new TestNetwork();
  network.target = target;
  const newEngine = () =>
    new SyncEngine({
      db,
      fetch: network.fetch,
      now: clock.now,
      sleep: async () => {},
      pushBatchSize: 3,
      pullPageSize: 4,
    });
  const install: Install = {
    db,
    ctx: { db, now: clock.now },
    clock,
    network,
    engine: newEngine(),
    restart() {
      install.engine = newEngine();
      return install.engine;
    },
  };
  return install;
}
