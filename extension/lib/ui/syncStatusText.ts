import { plural, type UiKey, type UiTranslator } from '../i18n/words';
import type { SyncStatusView } from '../messages';
import { relativeTime } from './relativeTime';

export interface StatusLine {
  tone: 'info' | 'ok' | 'warning' | 'error';
  text: string;
}

/** Where the status is read: the options page holds the team forms itself, so it points below. */
export type StatusPlace = 'popup' | 'options';

/**
 * The sync status in plain words, for the popup and the options page. One state at a time: before
 * the first sync it says so and does not also claim "everything is sent".
 */
export function syncStatusLines(
  status: SyncStatusView,
  t: UiTranslator,
  now = Date.now(),
  place: StatusPlace = 'popup',
): StatusLine[] {
  if (status.mode === 'local-only') {
    const lines: StatusLine[] = [
      { tone: 'info', text: t(place === 'options' ? 'syncLocalOnlyBelow' : 'syncLocalOnly') },
    ];
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
  if (status.lastSyncAt) {
    lines.push({
      tone: 'ok',
      text: t('syncDone', { when: relativeTime(Date.parse(status.lastSyncAt), now, t.lang) }),
    });
  } else if (!status.running) {
    lines.push({ tone: 'info', text: t('syncNever') });
  }
  if (status.pending > 0) {
    lines.push({ tone: 'info', text: plural(t, status.pending, 'syncPendingOne', 'syncPendingMany') });
  } else if (status.lastSyncAt && !status.lastError) {
    // Only once the server has answered: before that, nothing was sent yet.
    lines.push({ tone: 'ok', text: t('syncAllSent') });
  }
  if (status.setAside.length > 0) {
    lines.push({ tone: 'warning', text: plural(t, status.setAside.length, 'setAsideOne', 'setAsideMany') });
  }
  return lines;
}
