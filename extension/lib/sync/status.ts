import type { Change } from '@relance/shared';
import type { RelanceDb } from '../db';
import type { SyncStatusView } from '../messages';

/** What the popup and options page show about sync. Never the token. */
export async function syncStatus(db: RelanceDb, now = Date.now()): Promise<SyncStatusView> {
  const [account, server, progress, lock, pending, setAside] = await Promise.all([
    db.getState('account'),
    db.getState('server'),
    db.getState('progress'),
    db.getState('lock'),
    db.outbox.count(),
    db.setAside.orderBy('seq').reverse().limit(50).toArray(),
  ]);
  return {
    mode: account ? 'team' : 'local-only',
    serverUrl: account?.serverUrl ?? (server?.url || undefined),
    team: account?.team,
    person: account?.person,
    pending,
    running: !!lock && lock.until > now,
    lastSyncAt: progress?.lastSyncAt,
    lastError: progress?.lastError,
    nextRetryAt: progress?.nextRetryAt,
    setAside: setAside.map((row) => ({
      status: row.status,
      reason: row.reason,
      at: row.at,
      summary: describe(row.change),
    })),
  };
}

/** A short label of a change for the status list ("note 0195…", "reminder 0195…"). */
function describe(change: Change | undefined): string {
  if (!change || typeof change !== 'object') return '?';
  if (change.kind === 'activity')
    return `${change.activity?.type ?? 'activity'} ${change.activity?.id ?? ''}`.trim();
  if (change.kind === 'document') return `${change.docType} ${change.id}`;
  return '?';
}
