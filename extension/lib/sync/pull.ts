import { type PulledChange, pulledChange } from '@relance/shared';
import type { RelanceDb, SyncProgress } from '../db';
import type { RepoContext } from '../repo/context';
import { applyRemoteChange, remoteTables } from '../repo/remote';
import { type ApiClient, HttpError } from './api';

export const PULL_PAGE_SIZE = 200;

export interface PullContext extends RepoContext {
  api: ApiClient;
  retry: <T>(fn: () => Promise<T>) => Promise<T>;
  stillOwner: () => Promise<boolean>;
  pageSize?: number;
  /** Told after each page is stored, with how many of its changes changed something here. */
  onPageApplied?: (changed: number) => void;
}

export interface PullSummary {
  pages: number;
  applied: number;
  /** Changes that changed something here (not our own coming back, nor ones already applied). */
  changed: number;
  unreadable: number;
}

export const initialProgress = (): SyncProgress => ({ cursor: 0, failures: 0 });

/**
 * Pulls the team's changes from our cursor until the server says there are no more. Each page is
 * applied together with the new cursor in one transaction: a run stopped between pages resumes from
 * the last page fully applied, and re-applying a page is harmless (ids and clocks decide).
 */
export async function pullChanges(ctx: PullContext): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, applied: 0, changed: 0, unreadable: 0 };
  for (;;) {
    const since = (await ctx.db.getState('progress'))?.cursor ?? 0;
    let page: Awaited<ReturnType<ApiClient['pull']>>;
    try {
      page = await ctx.retry(() => ctx.api.pull(since, ctx.pageSize ?? PULL_PAGE_SIZE));
    } catch (error) {
      // The server has nothing up to our cursor (a database restored from a backup): pull
      // everything again from 0. Re-applying what is here already is harmless.
      if (since > 0 && error instanceof HttpError && error.code === 'cursor_ahead') {
        if (!(await ctx.stillOwner())) return summary;
        await resetCursor(ctx.db, since);
        continue;
      }
      throw error;
    }
    if (!(await ctx.stillOwner())) return summary;
    if (page.hasMore && page.cursor <= since) throw new Error('the server did not move the pull cursor');

    let changedInPage = 0;
    const moved = await ctx.db.transaction('rw', [...remoteTables(ctx), ctx.db.setAside], async () => {
      const progress = (await ctx.db.getState('progress')) ?? initialProgress();
      // Another run got here first (compare-and-set on the cursor), or the person signed out
      // meanwhile: leave this page alone.
      if (progress.cursor !== since || !(await ctx.db.getState('account'))) return false;
      for (const raw of page.changes) {
        const parsed = pulledChange.safeParse(raw);
        if (!parsed.success) {
          summary.unreadable++;
          await keepUnreadable(ctx.db, raw, parsed.error.message, ctx.now());
          continue;
        }
        if (await applyRemoteChange(ctx, parsed.data as PulledChange)) changedInPage++;
        summary.applied++;
      }
      await ctx.db.setState('progress', { ...progress, cursor: Math.max(progress.cursor, page.cursor) });
      return true;
    });
    summary.pages++;
    if (moved && changedInPage > 0) {
      summary.changed += changedInPage;
      ctx.onPageApplied?.(changedInPage);
    }
    if (!moved || !page.hasMore) return summary;
  }
}

/** Back to cursor 0, unless another run moved the cursor meanwhile (compare-and-set). */
async function resetCursor(db: RelanceDb, from: number) {
  await db.transaction('rw', db.syncState, async () => {
    const progress = (await db.getState('progress')) ?? initialProgress();
    if (progress.cursor === from) await db.setState('progress', { ...progress, cursor: 0 });
  });
}

/** A change this version cannot read (a newer server?) is kept, not lost, and shown in the status. */
async function keepUnreadable(db: RelanceDb, raw: unknown, reason: string, now: Date) {
  await db.setAside.add({
    change: raw as PulledChange,
    status: 'unreadable',
    reason: reason.slice(0, 500),
    at: now.toISOString(),
  });
}
