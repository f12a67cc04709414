import { plural, type UiKey, type UiTranslator } from '../i18n/words';
import type { SyncStatusView } from '../messages';
import { relativeTime } from './relativeTime';

export interface StatusLine {
  tone: 'info' | 'ok' | 'warning' | 'error';
  text: string;
}

/** The sync status in plain words, for the popup and the options page. */
export function syncStatusLines(status: SyncStatusView, t: UiTranslator, now = Date.now()): StatusLine[] {
  if (status.mode === 'local-only') {
    const lines: StatusLine[] = [{ tone: 'info', text: t('syncLocalOnly') }];
    if (status.pending > 0)
      lines.push({ tone: 'info', text: plural(t, status.pending, 'syncPendingOne', 'syncPendingMany') });
    return lines;
  }
  const lines: StatusLine[] = [
    {
      tone: 'info',
      text: t('syncTeam', { team: status.team?.name ?? '', person: status.person?.name ?? '' }),
    },
  ];
  if (status.running) lines.push({ tone: 'info', text: t('syncRunning') });
  if (status.lastError) {
    const key = `syncError.${status.lastError.code}` as UiKey;
    const known = [
      'offline',
      'server',
      'unauthorized',
      'rejected-batch',
      'extension-outdated',
      'server-outdated',
    ].includes(status.lastError.code);
    lines.push({
      tone: status.lastError.code === 'offline' ? 'warning' : 'error',
      text: t(known ? key : 'syncError.unknown', { message: status.lastError.message }),
    });
    if (status.nextRetryAt && status.nextRetryAt > now) {
      lines.push({
        tone: 'info',
        text: t('syncRetryAt', { when: relativeTime(status.nextRetryAt, now, t.lang) }),
      });
    }
  }
  lines.push(
    status.lastSyncAt
      ? {
          tone: 'ok',
          text: t('syncDone', { when: relativeTime(Date.parse(status.lastSyncAt), now, t.lang) }),
        }
      : { tone: 'info', text: t('syncNever') },
  );
  lines.push(
    status.pending > 0
      ? { tone: 'info', text: plural(t, status.pending, 'syncPendingOne', 'syncPendingMany') }
      : { tone: 'ok', text: t('syncAllSent') },
  );
  if (status.setAside.length > 0) {
    lines.push({ tone: 'warning', text: plural(t, status.setAside.length, 'setAsideOne', 'setAsideMany') });
  }
  return lines;
}
