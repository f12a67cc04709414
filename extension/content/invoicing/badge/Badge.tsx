import { channelLabel, formatDate, formatDaysLate, stageLabel } from '@relance/shared/format';
import type { InvoicePolicyView } from '../../../lib/messages';
import type { OverlayTranslator } from '../strings';
import { STAGE_COLOURS } from './badgeStyles';

export interface BadgeProps {
  view: InvoicePolicyView;
  t: OverlayTranslator;
  onRemind: () => void;
  onNotes: () => void;
}

/** What the paused badge says about its pause. */
function pauseText(view: InvoicePolicyView, t: OverlayTranslator): string {
  const pause = view.pause;
  if (!pause) return stageLabel('paused', t.lang);
  if (pause.reason === 'dispute') return t('pausedDispute');
  if (pause.reason === 'promise-to-pay')
    return t('pausedPromise', { date: formatDate(pause.until ?? '', t.lang) });
  return t('pausedPlan');
}

function lastReminderText(view: InvoicePolicyView, t: OverlayTranslator): string {
  const last = view.lastReminder;
  if (!last) return t('noReminderYet');
  return t('lastReminder', {
    date: formatDate(last.date, t.lang),
    by: last.authorName ? t('lastReminderBy', { name: last.authorName }) : '',
    channel: channelLabel(last.channel, t.lang),
  });
}

/**
 * `J+23 · relance formelle · à faire`, the last reminder, and the two buttons. Everything the page
 * printed is rendered as text (Preact escapes it), never as HTML.
 */
export function Badge({ view, t, onRemind, onNotes }: BadgeProps) {
  const lang = t.lang;
  const stageText = view.stage === 'paused' ? pauseText(view, t) : stageLabel(view.stage, lang);
  const showsAction = view.stage !== 'none' && view.stage !== 'paid' && view.stage !== 'paused';
  const last = lastReminderText(view, t);
  const title = [
    formatDaysLate(view.daysOverdue, lang, 'long'),
    stageText,
    last,
    view.nextStage
      ? t('nextStage', {
          stage: stageLabel(view.nextStage.stage, lang),
          date: formatDate(view.nextStage.date, lang),
        })
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  // Few, plain inline elements: 2,000 of them must lay out fast inside the host's table.
  return (
    <>
      <span class="pill" part="pill" title={title} style={{ '--stage': STAGE_COLOURS[view.stage] }}>
        {view.stage !== 'paid' && <b>{formatDaysLate(view.daysOverdue, lang)} </b>}
        {stageText}
        {showsAction && <span class="due"> · {view.actionDue ? t('actionDue') : t('actionDone')}</span>}
      </span>
      {view.lastReminder && <span class="last">{last}</span>}
      <button
        type="button"
        data-relance-action="remind"
        disabled={view.stage === 'paid'}
        title={t('remindTitle', { number: view.number })}
        onClick={onRemind}
      >
        {t('remind')}
      </button>
      <button
        type="button"
        data-relance-action="notes"
        title={t('notesTitle', { client: view.clientName })}
        onClick={onNotes}
      >
        {t('notes')}
      </button>
    </>
  );
}
