import { formatDate, formatMoney, stageLabel } from '@relance/shared/format';
import { channelLabel } from '@relance/shared/format/labels';
import { formatCount } from '@relance/shared/format/plural';
import type { Channel, Language, StageId } from '@relance/shared/vocabulary';
import { useEffect, useState } from 'preact/hooks';
import type { ActivityInput, PausedInvoice, PreparedReminder, Send } from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import { AddressField } from '../panel/AddressField';
import { PanelHeader } from '../panel/PanelHeader';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { CollectionsFileView } from './CollectionsFileView';
import { cleanRecipients, type Draft, gmailComposeUrl, mailtoUrl, outlookComposeUrl } from './composeLinks';
import type { Letter } from './letter';

export interface ReminderDialogProps {
  send: Send;
  /** The language of the screens; the reminder's own language is the client's (the background decides). */
  lang: Language;
  /** The page's language, for a client with none of its own. */
  pageLanguage?: Language;
  /** The invoice the reminder was asked from; the background groups the client's other ones due. */
  invoiceIds: string[];
  onClose: () => void;
  /** A reminder was logged: badges change (`data-action-due` turns false). */
  onLogged: (reminder: PreparedReminder) => void;
  /** Opens a URL in a new tab (the page must not navigate away). */
  openUrl: (url: string) => void;
  /** Opens a printable letter (the window opens at once, within the click; the text may follow). */
  printLetter: (letter: Promise<Letter>) => void;
  /** Opens the collections file to print. */
  printText: (title: string, text: string) => void;
  /** Offers a text file to download. */
  download: (fileName: string, text: string) => void;
  copyText: (text: string) => Promise<void>;
}

type Status = { kind: 'ok' | 'error' | 'warning'; text: string } | null;

/** What went out and is waiting for the person's word that it really did. */
interface Pending {
  channel: Channel;
  /** The reminder it was written for (the formal notice printed from an amicable dialog differs). */
  reminder: PreparedReminder;
  letter: boolean;
}

/** An action waiting for the explicit confirmation a formal notice asks for. */
type Gated = { run: () => void } | null;

/**
 * "Relancer": the reminder of the stage due, for the client's invoices due of one kind, each at
 * its own stage, penalties computed, editable before it leaves.
 * - A paused invoice says why before anything else; a formal notice asks an explicit confirmation.
 * - Nothing is logged when a mail tool opens, text is copied or a letter is previewed: the dialog
 *   then asks "Sent? Yes / Not yet" (a letter: "Posted?", with its registered-mail number), and
 *   the answer `mark-sent` logs it. "Mark as sent" logs one sent some other way.
 * - At `legal` it shows the collections file, to print or export, and offers no message at all.
 */
export function ReminderDialog(props: ReminderDialogProps) {
  const t = overlayTranslator(props.lang);
  const [reminder, setReminder] = useState<PreparedReminder | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState('');
  const [address, setAddress] = useState('');
  const [tracking, setTracking] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [pausedSeen, setPausedSeen] = useState(false);
  const [gated, setGated] = useState<Gated>(null);
  const [formalConfirmed, setFormalConfirmed] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [logged, setLogged] = useState(false);
  const [busy, setBusy] = useState(false);

  const prepare = async (stage?: StageId) => {
    const { reminders } = await props.send({
      type: 'prepareReminder',
      invoiceIds: reminder && stage ? reminder.invoiceIds : props.invoiceIds,
      ...(props.pageLanguage ? { language: props.pageLanguage } : {}),
      ...(stage ? { stage } : {}),
    });
    const first = reminders[0];
    if (!first) throw new Error(t('nothingToRemind'));
    return first;
  };

  useEffect(() => {
    void (async () => {
      try {
        const first = await prepare();
        setReminder(first);
        setSubject(first.subject);
        setBody(first.body);
        setRecipients(first.recipients.join(', '));
        setAddress(first.clientAddress ?? '');
      } catch (error) {
        setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
      }
    })();
  }, [props.invoiceIds.join(',')]);

  const fail = (error: unknown) =>
    setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
  const draft = (): Draft => ({ recipients: cleanRecipients(recipients), subject, body });
  const isFormal = (r: PreparedReminder | null) => r?.stage === 'formal-notice';

  /** Runs an action at once, or after the explicit confirmation of a formal notice. */
  const confirmingFormal = (formal: boolean, run: () => void) => {
    if (formal && !formalConfirmed) setGated({ run });
    else run();
  };

  const open = (url: string, channel: Channel) =>
    confirmingFormal(isFormal(reminder), () => {
      props.openUrl(url);
      setPending({ channel, reminder: reminder!, letter: false });
      setStatus({ kind: 'warning', text: t('notLoggedYet') });
    });

  const copy = () =>
    confirmingFormal(isFormal(reminder), async () => {
      try {
        await props.copyText(`${subject}\n\n${body}`);
        setPending({ channel: 'copy', reminder: reminder!, letter: false });
        setStatus({ kind: 'ok', text: t('copied') });
      } catch (error) {
        fail(error);
      }
    });

  /** The client's postal address, asked once and kept on the client, before any letter. */
  const withAddress = async (from: PreparedReminder): Promise<PreparedReminder> => {
    const typed = address.trim();
    if ((from.clientAddress ?? '') === typed) return from;
    await props.send({ type: 'updateClient', clientId: from.clientId, patch: { address: typed } });
    const again = await prepare(from.stage);
    setReminder((current) =>
      current && current.stage === again.stage ? { ...current, ...again, body: current.body } : current,
    );
    return again;
  };

  const letterOf = (from: PreparedReminder): Letter => ({
    ...from.letter!,
    title: isFormal(from) ? t('formalNoticeTitle') : t('letterTitle'),
    printLabel: t('printButton'),
    hint: from.letter!.payment?.qr ? t('letterEditable') : `${t('letterEditable')} ${t('qrMissing')}`,
  });

  const print = (formal: boolean) => {
    if (!reminder) return;
    if (!address.trim()) {
      setStatus({ kind: 'error', text: t('addressNeeded') });
      return;
    }
    confirmingFormal(formal, () => {
      const ready = (async () => {
        const base = formal && !isFormal(reminder) ? await prepare('formal-notice') : reminder;
        const from = await withAddress(base);
        setPending({ channel: formal ? 'registered-letter' : 'letter', reminder: from, letter: true });
        return letterOf(from);
      })();
      ready.catch(fail);
      props.printLetter(ready);
    });
  };

  /** The person says it went out: now, and only now, it is logged. */
  const markSent = async (sent: Pending | null) => {
    const from = sent?.reminder ?? reminder;
    if (!from) return;
    setBusy(true);
    try {
      await props.send({ type: 'logActivity', activity: activityFor(from, sent, draftFor(from)) });
      setLogged(true);
      setPending(null);
      setStatus({
        kind: 'ok',
        text: isFormal(from) ? t('formalNoticeLogged') : sent?.letter ? t('letterLogged') : t('logged'),
      });
      props.onLogged(from);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const draftFor = (from: PreparedReminder) => ({
    subject: from === reminder ? subject : from.subject,
    recipients: cleanRecipients(recipients),
    tracking: tracking.trim(),
  });

  const title = t('reminderFor', { client: reminder?.clientName ?? '…' });
  const paused = reminder?.paused ?? [];
  const showText = reminder && (paused.length === 0 || pausedSeen);
  return (
    <div class="panel" role="dialog" aria-modal="true" aria-label={title}>
      <PanelHeader title={title} closeLabel={t('close')} onClose={props.onClose} />
      <section>
        {!reminder && !status && <p class="muted">{t('loading')}</p>}
        {reminder && paused.length > 0 && !pausedSeen && (
          <div class="warning" role="alert" data-relance-part="paused-warning">
            <strong>{t('pausedTitle')}</strong>
            {paused.map((p) => (
              <p key={p.invoiceId}>{pauseLine(p, t)}</p>
            ))}
            <p>{t('pausedAdvice')}</p>
            <div class="row">
              <button type="button" data-relance-action="remind-anyway" onClick={() => setPausedSeen(true)}>
                {t('remindAnyway')}
              </button>
              <button type="button" class="primary" onClick={props.onClose}>
                {t('close')}
              </button>
            </div>
          </div>
        )}
        {showText && reminder.kind === 'legal' && reminder.collectionsFile && (
          <>
            <p class="muted" data-relance-part="stage">
              {t('collectionsTitle')} · {summary(reminder, t)}
            </p>
            <CollectionsFileView
              file={reminder.collectionsFile}
              t={t}
              onPrint={() => props.printText(t('collectionsTitle'), reminder.collectionsFileText ?? '')}
              onExport={() =>
                props.download(
                  `${t('collectionsTitle')} - ${reminder.clientName}.txt`,
                  reminder.collectionsFileText ?? '',
                )
              }
            />
          </>
        )}
        {showText && reminder.kind !== 'legal' && (
          <>
            <p class="muted" data-relance-part="stage">
              {stageLabel(reminder.stage, props.lang)} · {summary(reminder, t)}
            </p>
            {ownStages(reminder, props.lang, t)}
            <LatePayment reminder={reminder} lang={props.lang} t={t} />
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
            <AddressField
              id="relance-address"
              label={t('clientAddress')}
              value={address}
              onInput={setAddress}
            />
            <div class="row">
              <button
                type="button"
                data-relance-action="print-letter"
                onClick={() => print(isFormal(reminder))}
              >
                {t('printLetter')}
              </button>
              <button type="button" data-relance-action="print-formal-notice" onClick={() => print(true)}>
                {t('printFormalNotice')}
              </button>
            </div>
            {gated && (
              <div class="warning" role="alert" data-relance-part="formal-notice-confirmation">
                <strong>{t('formalConfirmTitle')}</strong>
                <p>
                  {t('formalConfirmText', {
                    deadline: reminder.deadline ? formatDate(reminder.deadline, props.lang) : '—',
                  })}
                </p>
                <div class="row">
                  <button
                    type="button"
                    class="primary"
                    data-relance-action="confirm-formal-notice"
                    onClick={() => {
                      const run = gated.run;
                      setFormalConfirmed(true);
                      setGated(null);
                      run();
                    }}
                  >
                    {t('formalConfirm')}
                  </button>
                  <button
                    type="button"
                    data-relance-action="cancel-formal-notice"
                    onClick={() => setGated(null)}
                  >
                    {t('cancel')}
                  </button>
                </div>
              </div>
            )}
            {pending ? (
              <div class="confirm" data-relance-part="sent-question">
                <strong>{pending.letter ? t('postedQuestion') : t('sentQuestion')}</strong>
                {pending.letter && (
                  <>
                    <label for="relance-tracking">{t('trackingNumber')}</label>
                    <input
                      id="relance-tracking"
                      data-relance-field="tracking-number"
                      value={tracking}
                      onInput={(e) => setTracking((e.currentTarget as HTMLInputElement).value)}
                    />
                  </>
                )}
                <div class="row">
                  <button
                    type="button"
                    class="primary"
                    data-relance-action="mark-sent"
                    disabled={busy}
                    onClick={() => void markSent(pending)}
                  >
                    {pending.letter ? t('postedYes') : t('sentYes')}
                  </button>
                  <button
                    type="button"
                    data-relance-action="not-sent"
                    onClick={() => {
                      setPending(null);
                      setStatus({ kind: 'ok', text: t('notSentKept') });
                    }}
                  >
                    {t('notYet')}
                  </button>
                </div>
              </div>
            ) : (
              <div class="row">
                <button
                  type="button"
                  class="primary"
                  data-relance-action="mark-sent"
                  disabled={busy || logged}
                  onClick={() => confirmingFormal(isFormal(reminder), () => void markSent(null))}
                >
                  {t('markSent')}
                </button>
              </div>
            )}
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

/** "2 factures en retard · 1 500,00 €" (plural rules of the language, no "facture(s)"). */
function summary(reminder: PreparedReminder, t: OverlayTranslator): string {
  const count = reminder.invoiceIds.length;
  return t('grouped', {
    invoices: formatCount(count, { one: t('overdueInvoice'), other: t('overdueInvoices') }, t.lang),
    total: formatMoney(reminder.totalDueCents, reminder.currency, t.lang),
  });
}

function ownStages(reminder: PreparedReminder, lang: Language, t: OverlayTranslator) {
  const own = (reminder.invoices ?? []).filter((i) => i.stage && i.stage !== reminder.stage);
  if (own.length === 0) return null;
  const all = (reminder.invoices ?? []).map(
    (i) => `${i.number} : ${i.stage ? stageLabel(i.stage, lang) : '—'}`,
  );
  return (
    <p class="muted" data-relance-part="own-stages">
      {t('ownStages', { stages: all.join(', ') })}
    </p>
  );
}

function LatePayment(props: { reminder: PreparedReminder; lang: Language; t: OverlayTranslator }) {
  const { reminder, lang, t } = props;
  const late = reminder.latePayment;
  return (
    <>
      {late && (
        <p class="muted" data-relance-part="late-payment">
          {late.consumer
            ? t('legalInterest', { interest: formatMoney(late.interestCents, late.currency, lang) })
            : t('latePayment', {
                interest: formatMoney(late.interestCents, late.currency, lang),
                indemnity: formatMoney(late.indemnityCents, late.currency, lang),
              })}
        </p>
      )}
      {reminder.rateUnknownAfter && (
        <p class="warning" data-relance-part="assumed-rate">
          {t('assumedRate', { date: formatDate(reminder.rateUnknownAfter, lang) })}
        </p>
      )}
    </>
  );
}

function pauseLine(p: PausedInvoice, t: OverlayTranslator): string {
  const date = (d: string) => formatDate(d, t.lang);
  switch (p.reason) {
    case 'dispute':
      return t('pauseLineDispute', {
        number: p.number,
        since: date(p.since),
        detail: p.detail ? ` (« ${p.detail} »)` : '',
      });
    case 'promise-to-pay':
      return t('pausedPromiseLine', { number: p.number, until: p.until ? date(p.until) : '—' });
    case 'payment-plan':
      return t('pausedPlanLine', {
        number: p.number,
        until: p.until ? t('pausedPlanUntil', { until: date(p.until) }) : '',
      });
  }
}

/** The activity that records what went out: a reminder, a letter, or a formal notice. */
export function activityFor(
  from: PreparedReminder,
  sent: Pending | null,
  draft: { subject: string; recipients: string[]; tracking: string },
): ActivityInput {
  const base = {
    clientId: from.clientId,
    invoiceIds: from.invoiceIds,
    ...(draft.tracking && sent?.letter ? { trackingNumber: draft.tracking.slice(0, 500) } : {}),
  };
  const stages = from.invoiceStages ? { invoiceStages: from.invoiceStages } : {};
  if (from.stage === 'formal-notice') {
    return {
      ...base,
      type: 'formal-notice',
      channel: sent?.channel ?? 'registered-letter',
      ...(from.deadline ? { deadline: from.deadline } : {}),
    };
  }
  if (sent?.letter) return { ...base, ...stages, type: 'letter', registered: false, stage: from.stage };
  return {
    clientId: from.clientId,
    invoiceIds: from.invoiceIds,
    ...stages,
    type: 'reminder',
    stage: from.stage,
    channel: sent?.channel ?? 'email',
    ...(draft.subject ? { subject: draft.subject.slice(0, 500) } : {}),
    ...(draft.recipients.length > 0 ? { recipients: draft.recipients } : {}),
  };
}
