import { todayLocal } from '@relance/shared/dates';
import { channelLabel, formatDate, formatMoney, stageLabel } from '@relance/shared/format';
import type { Channel, Language } from '@relance/shared/vocabulary';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreparedReminder, Send } from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import { PanelHeader } from '../panel/PanelHeader';
import { overlayTranslator } from '../strings';
import { cleanRecipients, type Draft, gmailComposeUrl, mailtoUrl, outlookComposeUrl } from './composeLinks';
import { type Letter, makeLetter } from './letter';

export interface ReminderDialogProps {
  send: Send;
  lang: Language;
  /** The invoice the reminder was asked from; the background groups the client's other overdue ones. */
  invoiceIds: string[];
  onClose: () => void;
  /** A reminder was logged: badges change (`data-action-due` turns false). */
  onLogged: (reminder: PreparedReminder) => void;
  /** Opens a URL in a new tab (the page must not navigate away). */
  openUrl: (url: string) => void;
  /** Opens a printable letter (the window opens at once, within the click; the text may follow). */
  printLetter: (letter: Promise<Letter>) => void;
  copyText: (text: string) => Promise<void>;
}

type Status = { kind: 'ok' | 'error' | 'warning'; text: string } | null;

/**
 * "Relancer": the reminder of the stage due, grouped for the client, penalties and indemnity
 * computed, editable before it leaves. Opening it in a mail tool or printing it logs the reminder;
 * "Mark as sent" logs it for any other way it went out.
 */
export function ReminderDialog(props: ReminderDialogProps) {
  const t = overlayTranslator(props.lang);
  const [reminder, setReminder] = useState<PreparedReminder | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [logged, setLogged] = useState(false);
  const [busy, setBusy] = useState(false);
  const loggedStages = useRef(new Set<string>());

  useEffect(() => {
    void (async () => {
      try {
        const { reminders } = await props.send({ type: 'prepareReminder', invoiceIds: props.invoiceIds });
        const first = reminders[0];
        if (!first) {
          setStatus({ kind: 'warning', text: t('nothingToRemind') });
          return;
        }
        setReminder(first);
        setSubject(first.subject);
        setBody(first.body);
        setRecipients(first.recipients.join(', '));
      } catch (error) {
        setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
      }
    })();
  }, [props.invoiceIds.join(',')]);

  const draft = (): Draft => ({ recipients: cleanRecipients(recipients), subject, body });

  /** Writes the `reminder` activity once per stage and dialog, whichever way the reminder leaves. */
  const log = async (channel: Channel, sent: PreparedReminder | null = reminder, sentSubject = subject) => {
    if (!sent || loggedStages.current.has(sent.stage)) return;
    loggedStages.current.add(sent.stage);
    setBusy(true);
    try {
      const to = cleanRecipients(recipients);
      await props.send({
        type: 'logActivity',
        activity: {
          type: 'reminder',
          clientId: sent.clientId,
          invoiceIds: sent.invoiceIds,
          stage: sent.stage,
          channel,
          ...(sentSubject ? { subject: sentSubject.slice(0, 500) } : {}),
          ...(to.length > 0 ? { recipients: to } : {}),
        },
      });
      if (sent === reminder) setLogged(true);
      setStatus({ kind: 'ok', text: t('logged') });
      props.onLogged(sent);
    } catch (error) {
      loggedStages.current.delete(sent.stage);
      setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const open = (url: string, channel: Channel) => {
    props.openUrl(url);
    void log(channel);
  };

  const letterOf = (
    from: PreparedReminder,
    letterSubject: string,
    letterBody: string,
    formalNotice: boolean,
  ) =>
    makeLetter({
      lang: from.language,
      title: formalNotice ? t('formalNoticeTitle') : t('letterTitle'),
      ...(formalNotice ? { mention: t('registeredMention') } : {}),
      recipient: from.clientName,
      today: todayLocal(),
      subject: letterSubject,
      body: letterBody,
      printLabel: t('printButton'),
    });

  /** The reminder as a letter, as edited here. */
  const printLetter = () => {
    if (!reminder) return;
    props.printLetter(Promise.resolve(letterOf(reminder, subject, body, reminder.stage === 'formal-notice')));
    void log('letter');
  };

  /** The formal notice (mise en demeure) for the same invoices, written for that stage, to send by registered letter. */
  const printFormalNotice = () => {
    if (!reminder) return;
    if (reminder.stage === 'formal-notice') {
      props.printLetter(Promise.resolve(letterOf(reminder, subject, body, true)));
      void log('registered-letter');
      return;
    }
    const notice = props
      .send({ type: 'prepareReminder', invoiceIds: reminder.invoiceIds, stage: 'formal-notice' })
      .then(({ reminders }) => {
        const first = reminders[0];
        if (!first) throw new Error(t('nothingToRemind'));
        void log('registered-letter', first, first.subject);
        return letterOf(first, first.subject, first.body, true);
      });
    notice.catch((error: unknown) =>
      setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) }),
    );
    props.printLetter(notice);
  };

  const copy = async () => {
    try {
      await props.copyText(`${subject}\n\n${body}`);
      setStatus({ kind: 'ok', text: t('copied') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
    }
  };

  const title = t('reminderFor', { client: reminder?.clientName ?? '…' });
  return (
    <div class="panel" role="dialog" aria-label={title}>
      <PanelHeader title={title} closeLabel={t('close')} onClose={props.onClose} />
      <section>
        {!reminder && !status && <p class="muted">{t('loading')}</p>}
        {reminder && (
          <>
            <p class="muted" data-relance-part="stage">
              {stageLabel(reminder.stage, props.lang)} ·{' '}
              {t('invoicesGrouped', {
                count: reminder.invoiceIds.length,
                total: formatMoney(reminder.totalDueCents, reminder.currency, props.lang),
              })}
            </p>
            {reminder.latePayment && (
              <p class="muted" data-relance-part="late-payment">
                {t('latePayment', {
                  interest: formatMoney(
                    reminder.latePayment.interestCents,
                    reminder.latePayment.currency,
                    props.lang,
                  ),
                  indemnity: formatMoney(
                    reminder.latePayment.indemnityCents,
                    reminder.latePayment.currency,
                    props.lang,
                  ),
                })}
              </p>
            )}
            {reminder.recentReminder && (
              <p class="warning" data-relance-part="recent-reminder">
                {t('recentReminder', {
                  name: reminder.recentReminder.authorName ?? t('someone'),
                  date: formatDate(reminder.recentReminder.date, props.lang),
                  channel: channelLabel(reminder.recentReminder.channel, props.lang),
                })}
              </p>
            )}
            <label for="relance-to">{t('recipients')}</label>
            <input
              id="relance-to"
              data-relance-field="recipients"
              value={recipients}
              onInput={(e) => setRecipients((e.currentTarget as HTMLInputElement).value)}
            />
            <label for="relance-subject">{t('subject')}</label>
            <input
              id="relance-subject"
              data-relance-field="subject"
              value={subject}
              onInput={(e) => setSubject((e.currentTarget as HTMLInputElement).value)}
            />
            <label for="relance-body">{t('letterTitle')}</label>
            <textarea
              id="relance-body"
              data-relance-field="body"
              rows={14}
              value={body}
              onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <div class="row">
              <button
                type="button"
                data-relance-action="open-gmail"
                onClick={() => open(gmailComposeUrl(draft()), 'gmail')}
              >
                {t('openGmail')}
              </button>
              <button
                type="button"
                data-relance-action="open-outlook"
                onClick={() => open(outlookComposeUrl(draft()), 'outlook')}
              >
                {t('openOutlook')}
              </button>
              <button
                type="button"
                data-relance-action="open-mailto"
                onClick={() => open(mailtoUrl(draft()), 'mailto')}
              >
                {t('openMailto')}
              </button>
              <button type="button" data-relance-action="copy" onClick={copy}>
                {t('copy')}
              </button>
            </div>
            <div class="row">
              <button type="button" data-relance-action="print-letter" onClick={printLetter}>
                {t('printLetter')}
              </button>
              <button type="button" data-relance-action="print-formal-notice" onClick={printFormalNotice}>
                {t('printFormalNotice')}
              </button>
              <button
                type="button"
                class="primary"
                data-relance-action="mark-sent"
                disabled={busy || logged}
                onClick={() => void log('email')}
              >
                {t('markSent')}
              </button>
            </div>
          </>
        )}
        {status && (
          <p class={status.kind} role="status">
            {status.text}
          </p>
        )}
      </section>
    </div>
  );
}
