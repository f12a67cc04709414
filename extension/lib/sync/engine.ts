import type { RelanceDb, SyncError } from '../db';
import { ApiClient, type FetchLike, isRetryable, retryAfterOf } from './api';
import { toSyncError } from './errors';
import { acquireLock, releaseLock, renewLock } from './lock';
import { initialProgress, type PullSummary, pullChanges } from './pull';
import { type PushSummary, pushOutbox } from './push';
import { backoffDelay, realSleep, withRetry } from './retry';

export type SyncReason = 'alarm' | 'write' | 'manual' | 'startup';

export type SyncOutcome =
  /** No server configured: everything stays on this machine, the outbox waits. */
  | { status: 'local-only' }
  /** Another run (maybe of a previous service worker) holds the lock. */
  | { status: 'busy' }
  /** Recent runs failed; automatic runs wait until then (a manual run does not). */
  | { status: 'waiting'; nextRetryAt: number }
  | { status: 'ok'; push: PushSummary; pull: PullSummary }
  | { status: 'failed'; error: SyncError };

export interface SyncEngineOptions {
  db: RelanceDb;
  fetch?: FetchLike;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Retries of one request within a run. */
  requestRetry?: { attempts: number; baseMs: number; maxMs: number };
  /** Wait between failed automatic runs, growing with each consecutive failure. */
  runBackoff?: { baseMs: number; maxMs: number };
  pushBatchSize?: number;
  pullPageSize?: number;
  /**
   * Called after a run whose pull changed something here (a teammate's reminder, note, settings),
   * so that open pages can show it; not for a pull that only brought our own changes back.
   */
  onPulledChanges?: () => void | Promise<void>;
}

/**
 * Push the outbox, then pull the team's changes. Nothing it needs lives only in memory: the outbox,
 * the cursor, the backoff and the lock are rows in IndexedDB, so a new engine (a restarted service
 * worker) picks up exactly where the last one stopped.
 */
export class SyncEngine {
  private readonly db: RelanceDb;
  private readonly fetchFn: FetchLike;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly requestRetry: { attempts: number; baseMs: number; maxMs: number };
  private readonly runBackoff: { baseMs: number; maxMs: number };
  private readonly sizes: { batchSize?: number; pageSize?: number };
  private readonly onPulledChanges?: () => void | Promise<void>;
  /** Lock owner id: unique per engine instance, hence per service-worker life. */
  private readonly owner = `engine-${crypto.randomUUID()}`;
  private current?: Promise<SyncOutcome>;
  private followUp?: Promise<SyncOutcome>;

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.requestRetry = options.requestRetry ?? { attempts: 3, baseMs: 1_000, maxMs: 8_000 };
    this.runBackoff = options.runBackoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };
    this.sizes = { batchSize: options.pushBatchSize, pageSize: options.pullPageSize };
    this.onPulledChanges = options.onPulledChanges;
  }

  /**
   * Runs a sync, or joins the one in progress. A request made while a run is going (a write just
   * queued a change the run may have missed) gets one follow-up run after it.
   */
  run(reason: SyncReason): Promise<SyncOutcome> {
    if (!this.current) return this.start(reason);
    const settled = this.current.then(
      () => undefined,
      () => undefined,
    );
    this.followUp ??= settled.then(() => {
      this.followUp = undefined;
      return this.start(reason);
    });
    return this.followUp;
  }

  private start(reason: SyncReason): Promise<SyncOutcome> {
    this.current = this.runOnce(reason).finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async runOnce(reason: SyncReason): Promise<SyncOutcome> {
    const { db } = this;
    const account = await db.getState('account');
    if (!account) return { status: 'local-only' };
    const progress = (await db.getState('progress')) ?? initialProgress();
    const nowMs = this.now().getTime();
    if (reason !== 'manual' && progress.nextRetryAt && progress.nextRetryAt > nowMs) {
      return { status: 'waiting', nextRetryAt: progress.nextRetryAt };
    }
    if (!(await acquireLock(db, this.owner, nowMs))) return { status: 'busy' };

    const stillOwner = () => renewLock(db, this.owner, this.now().getTime());
    const retry = <T>(fn: () => Promise<T>) =>
      withRetry(
        async () => {
          if (!(await stillOwner())) throw new LockLostError();
          return fn();
        },
        {
          ...this.requestRetry,
          isRetryable,
          retryAfter: retryAfterOf,
          sleep: this.sleep,
          random: this.random,
        },
      );
    const api = new ApiClient(account.serverUrl, this.fetchFn, account.token);
    const base = { db, api, retry, stillOwner, now: this.now, ...this.sizes };
    // Counted page by page: a run that fails after storing some pages still brought those changes.
    let pulledChanges = 0;
    const onPageApplied = (changed: number) => {
      pulledChanges += changed;
    };
    await this.updateProgress({ lastAttemptAt: this.now().toISOString() });
    try {
      const push = await pushOutbox({ ...base, teamId: account.team.id });
      const pull = await pullChanges({ ...base, onPageApplied });
      await this.updateProgress({
        lastSyncAt: this.now().toISOString(),
        lastError: undefined,
        failures: 0,
        nextRetryAt: undefined,
      });
      return { status: 'ok', push, pull };
    } catch (cause) {
      if (cause instanceof LockLostError) return { status: 'busy' };
      const error = toSyncError(cause, this.now());
      const failures = ((await db.getState('progress'))?.failures ?? 0) + 1;
      // Never sooner than the server asked (`Retry-After` on a 429 or 503).
      const wait = Math.max(
        backoffDelay(failures - 1, { ...this.runBackoff, random: this.random }),
        retryAfterOf(cause) ?? 0,
      );
      await this.updateProgress({ lastError: error, failures, nextRetryAt: this.now().getTime() + wait });
      return { status: 'failed', error };
    } finally {
      await releaseLock(db, this.owner);
      if (pulledChanges > 0) await this.announceChanges();
    }
  }

  private async announceChanges() {
    try {
      await this.onPulledChanges?.();
    } catch (error) {
      // Showing the changes is a courtesy: the data is stored either way.
      console.warn('[relance] after pulling changes', error);
    }
  }

  /** Read-modify-write in one transaction: the pull may move the cursor meanwhile. */
  private async updateProgress(patch: Partial<ReturnType<typeof initialProgress>>) {
    await this.db.transaction('rw', this.db.syncState, async () => {
      const progress = (await this.db.getState('progress')) ?? initialProgress();
      await this.db.setState('progress', { ...progress, ...patch });
    });
  }
}

class LockLostError extends Error {
  override name = 'LockLostError';
}
