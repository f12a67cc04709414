import { formatDate } from '@relance/shared/format';
import type { IsoDate } from '@relance/shared/vocabulary';
import { useEffect, useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import type { Send, WebmailHealthEntry } from '@/lib/messages';

interface Props {
  t: UiTranslator;
  send: Send;
}

const WEBMAIL_NAMES: Record<WebmailHealthEntry['webmail'], string> = { gmail: 'Gmail', outlook: 'Outlook' };

/** The text to paste into a bug report: what is missing where, and the compose window's outline. */
export function healthReportText(entry: WebmailHealthEntry): string {
  return [
    'Relance webmail health report',
    `webmail: ${entry.webmail}`,
    `missing: ${entry.problems.join(', ')}`,
    `seen: ${entry.count} (first ${entry.firstAt}, last ${entry.lastAt})`,
    'compose window outline (tag[attribute names]):',
    entry.structure,
  ].join('\n');
}

/**
 * "Relance no longer recognises the Send button on Outlook": a webmail changed its page and the
 * compose panel stopped working there. Said privately, with a report to copy (names only).
 */
export function WebmailHealth({ t, send }: Props) {
  const [entries, setEntries] = useState<WebmailHealthEntry[]>([]);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send({ type: 'getWebmailHealth' })
      .then(({ entries }) => live && setEntries(entries))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [send]);

  if (entries.length === 0) return null;
  const what = (entry: WebmailHealthEntry) =>
    entry.problems
      .map((p) => (p === 'send' ? t('webmailHealthSend') : t('webmailHealthRecipients')))
      .join(t('webmailHealthAnd'));
  const copy = async (entry: WebmailHealthEntry) => {
    await navigator.clipboard?.writeText(healthReportText(entry)).catch(() => undefined);
    setCopied(entry.id);
  };
  const clear = async () => setEntries((await send({ type: 'clearWebmailHealth' })).entries);

  return (
    <section class="webmail-health" role="status" data-testid="webmail-health">
      {entries.map((entry) => (
        <div key={entry.id} data-webmail={entry.webmail} data-problems={entry.problems.join(' ')}>
          <p>{t('webmailHealthLine', { what: what(entry), webmail: WEBMAIL_NAMES[entry.webmail] })}</p>
          <p class="muted">
            {t('webmailHealthSeen', {
              count: entry.count,
              date: formatDate(entry.lastAt.slice(0, 10) as IsoDate, t.lang),
            })}{' '}
            {t('webmailHealthHint')}
          </p>
          <textarea readonly rows={3} aria-label={t('webmailHealthCopy')} value={healthReportText(entry)} />
          <button type="button" data-relance-action="copy-health-report" onClick={() => copy(entry)}>
            {t('webmailHealthCopy')}
          </button>
          {copied === entry.id && <span role="status"> {t('webmailHealthCopied')}</span>}
        </div>
      ))}
      <button type="button" class="link" data-relance-action="clear-health" onClick={clear}>
        {t('webmailHealthClear')}
      </button>
    </section>
  );
}
