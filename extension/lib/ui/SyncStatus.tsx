import { useState } from 'preact/hooks';
import type { UiTranslator } from '../i18n/words';
import type { Send, SyncStatusView } from '../messages';
import { type StatusPlace, syncStatusLines } from './syncStatusText';

/** The sync status in plain words, with a "sync now" button (popup and options page). */
export function SyncStatus(props: {
  status: SyncStatusView;
  t: UiTranslator;
  send: Send;
  onChange: (status: SyncStatusView) => void;
  /** The options page says "below" where the popup says "in the options". */
  place?: StatusPlace;
}) {
  const { status, t } = props;
  const [busy, setBusy] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    try {
      props.onChange(await props.send({ type: 'syncNow' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="sync-status" data-mode={status.mode}>
      {syncStatusLines(status, t, Date.now(), props.place).map((line) => (
        <p class={`status-line ${line.tone}`}>{line.text}</p>
      ))}
      {status.mode === 'team' && (
        <button type="button" onClick={syncNow} disabled={busy} data-relance-action="sync-now">
          {busy ? t('syncRunning') : t('syncNow')}
        </button>
      )}
    </div>
  );
}
