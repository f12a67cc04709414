import { todayLocal } from '@relance/shared/dates';
import { tryParseAmount } from '@relance/shared/parse';
import type { IsoDate, Language } from '@relance/shared/vocabulary';
import { useEffect, useState } from 'preact/hooks';
import type { ActivityInput, Send, TimelineEntry } from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { describeEntry } from './describeEntry';
import { PanelHeader } from './PanelHeader';

export interface NotesPanelProps {
  send: Send;
  lang: Language;
  clientId: string;
  clientName: string;
  /** The invoice the panel was opened from (activities are linked to it). */
  invoiceIds: string[];
  currency: string;
  amountDueCents: number;
  onClose: () => void;
  /** Something was logged: badges may change (a dispute pauses reminders). */
  onChanged: () => void;
}

type LogKind = 'call' | 'promise-to-pay' | 'dispute-opened' | 'dispute-resolved' | 'payment-plan';
type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The same day `months` months later (31 January + 1 month = 28/29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The client's notes panel: the whole timeline (teammates' reminders, calls, notes), a note field,
 * and forms to log a call, a promise to pay, a dispute or a payment plan.
 */
export function NotesPanel(props: NotesPanelProps) {
  const t = overlayTranslator(props.lang);
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [note, setNote] = useState('');
  const [form, setForm] = useState<LogKind | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const { entries } = await props.send({ type: 'getClientTimeline', clientId: props.clientId });
      setEntries(entries);
    } catch (error) {
      setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
      setEntries([]);
    }
  };
  useEffect(() => {
    void load();
  }, [props.clientId]);

  const run = async (task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
      setStatus({ kind: 'ok', text: t('saved') });
      await load();
      props.onChanged();
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: t('failed', { message: messageOf(error) }) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveNote = async () => {
    const text = note.trim();
    if (!text) return;
    const ok = await run(() =>
      props.send({ type: 'addNote', clientId: props.clientId, invoiceId: props.invoiceIds[0], text }),
    );
    if (ok) setNote('');
  };

  const logActivity = async (activity: ActivityInput) => {
    const ok = await run(() => props.send({ type: 'logActivity', activity }));
    if (ok) setForm(null);
  };

  return (
    <div class="panel" role="dialog" aria-label={t('notesTitle', { client: props.clientName })}>
      <PanelHeader
        title={t('notesTitle', { client: props.clientName })}
        closeLabel={t('close')}
        onClose={props.onClose}
      />
      <section>
        <label for="relance-note">{t('addNote')}</label>
        <textarea
          id="relance-note"
          data-relance-field="note"
          placeholder={t('notePlaceholder')}
          value={note}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="row">
          <button
            type="button"
            class="primary"
            data-relance-action="save-note"
            disabled={busy || !note.trim()}
            onClick={saveNote}
          >
            {t('save')}
          </button>
        </div>
        <div class="row">
          {(
            ['call', 'promise-to-pay', 'dispute-opened', 'dispute-resolved', 'payment-plan'] as LogKind[]
          ).map((kind) => (
            <button
              type="button"
              key={kind}
              data-relance-action={`log-${kind}`}
              aria-pressed={form === kind}
              onClick={() => setForm(form === kind ? null : kind)}
            >
              {formTitle(kind, t)}
            </button>
          ))}
        </div>
        {form && (
          <LogForm
            kind={form}
            t={t}
            busy={busy}
            clientId={props.clientId}
            invoiceIds={props.invoiceIds}
            amountDueCents={props.amountDueCents}
            onSubmit={logActivity}
            onCancel={() => setForm(null)}
          />
        )}
        {status && (
          <p class={status.kind} role="status">
            {status.text}
          </p>
        )}
      </section>
      <section>
        <Timeline entries={entries} t={t} currency={props.currency} />
      </section>
    </div>
  );
}

function formTitle(kind: LogKind, t: OverlayTranslator): string {
  switch (kind) {
    case 'call':
      return t('logCall');
    case 'promise-to-pay':
      return t('logPromise');
    case 'dispute-opened':
      return t('logDispute');
    case 'dispute-resolved':
      return t('logDisputeResolved');
    case 'payment-plan':
      return t('logPlan');
  }
}

function Timeline({
  entries,
  t,
  currency,
}: {
  entries: TimelineEntry[] | null;
  t: OverlayTranslator;
  currency: string;
}) {
  if (!entries) return <p class="muted">{t('loading')}</p>;
  if (entries.length === 0) return <p class="muted">{t('timelineEmpty')}</p>;
  return (
    <ol class="timeline" data-relance-part="timeline">
      {entries.map((entry) => {
        const text = describeEntry(entry, t.lang, currency);
        const id = entry.kind === 'note' ? entry.note.id : entry.activity.id;
        return (
          <li key={id} class={text.kind} data-entry-kind={text.kind}>
            <div class="entry-head">
              <strong>{text.title}</strong>
              <span>
                {text.date}
                {text.author ? ` · ${t('by', { name: text.author })}` : ''}
              </span>
            </div>
            {text.details.map((detail, i) => (
              <div class="entry-text" key={i}>
                {detail}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

interface LogFormProps {
  kind: LogKind;
  t: OverlayTranslator;
  busy: boolean;
  clientId: string;
  invoiceIds: string[];
  amountDueCents: number;
  onSubmit: (activity: ActivityInput) => void;
  onCancel: () => void;
}

/** The few fields each kind of event needs; dates are picked with the browser's date input. */
function LogForm({ kind, t, busy, clientId, invoiceIds, amountDueCents, onSubmit, onCancel }: LogFormProps) {
  const today = todayLocal();
  const [text, setText] = useState('');
  const [date, setDate] = useState(addMonths(today, 0));
  const [amount, setAmount] = useState('');
  const [count, setCount] = useState('3');
  const lang = t.lang;
  const base = { clientId, invoiceIds };

  const planInstalments = () => {
    const n = Math.max(1, Math.min(120, Number.parseInt(count, 10) || 1));
    const each = tryParseAmount(amount, { locale: lang })?.cents ?? Math.ceil(amountDueCents / n);
    return Array.from({ length: n }, (_, i) => ({ date: addMonths(date, i), amountCents: each }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    switch (kind) {
      case 'call':
        return onSubmit({ ...base, type: 'call', ...(text.trim() ? { outcome: text.trim() } : {}) });
      case 'promise-to-pay': {
        const cents = tryParseAmount(amount, { locale: lang })?.cents;
        return onSubmit({
          ...base,
          type: 'promise-to-pay',
          promisedDate: date,
          ...(cents !== undefined ? { amountCents: cents } : {}),
        });
      }
      case 'dispute-opened':
        if (!text.trim()) return;
        return onSubmit({ ...base, type: 'dispute-opened', reason: text.trim() });
      case 'dispute-resolved':
        return onSubmit({
          ...base,
          type: 'dispute-resolved',
          ...(text.trim() ? { resolution: text.trim() } : {}),
        });
      case 'payment-plan':
        return onSubmit({ ...base, type: 'payment-plan', instalments: planInstalments() });
    }
  };

  const textLabel =
    kind === 'call'
      ? t('callOutcome')
      : kind === 'dispute-opened'
        ? t('disputeReason')
        : kind === 'dispute-resolved'
          ? t('resolution')
          : null;
  return (
    <form data-relance-form={kind} onSubmit={submit}>
      {textLabel && (
        <>
          <label for="relance-log-text">{textLabel}</label>
          <input
            id="relance-log-text"
            name="text"
            value={text}
            required={kind === 'dispute-opened'}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
        </>
      )}
      {(kind === 'promise-to-pay' || kind === 'payment-plan') && (
        <>
          <label for="relance-log-date">
            {kind === 'promise-to-pay' ? t('promisedDate') : t('planFirstDate')}
          </label>
          <input
            id="relance-log-date"
            name="date"
            type="date"
            required
            value={date}
            onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value || today)}
          />
          {kind === 'payment-plan' && (
            <>
              <label for="relance-log-count">{t('planCount')}</label>
              <input
                id="relance-log-count"
                name="count"
                type="number"
                min="1"
                max="120"
                value={count}
                onInput={(e) => setCount((e.currentTarget as HTMLInputElement).value)}
              />
            </>
          )}
          <label for="relance-log-amount">
            {kind === 'promise-to-pay' ? t('promisedAmount') : t('planAmount')}
          </label>
          <input
            id="relance-log-amount"
            name="amount"
            inputMode="decimal"
            value={amount}
            onInput={(e) => setAmount((e.currentTarget as HTMLInputElement).value)}
          />
        </>
      )}
      <div class="row">
        <button type="submit" class="primary" data-relance-action="submit-log" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
