import type { Activity, Client } from '@relance/shared';
import { todayLocal } from '@relance/shared/dates';
import { formatDaysLate } from '@relance/shared/format/days';
import { formatMoney } from '@relance/shared/format/money';
import { tryParseAmount } from '@relance/shared/parse';
import type { IsoDate, Language } from '@relance/shared/vocabulary';
import { useEffect, useState } from 'preact/hooks';
import type {
  ActivityInput,
  ClientPatch,
  InvoicePolicyView,
  Send,
  TimelineEntry,
} from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { AddressField } from './AddressField';
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

export type LogKind = 'call' | 'promise-to-pay' | 'dispute-opened' | 'dispute-resolved' | 'payment-plan';
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
  const [invoices, setInvoices] = useState<InvoicePolicyView[]>([]);
  const [voided, setVoided] = useState<string[]>([]);
  const [mine, setMine] = useState<string[]>([]);
  const [client, setClient] = useState<Client | undefined>();
  const [status, setStatus] = useState<Status>(null);
  const [note, setNote] = useState('');
  const [form, setForm] = useState<LogKind | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const answer = await props.send({ type: 'getClientTimeline', clientId: props.clientId });
      setEntries(answer.entries);
      setInvoices(answer.invoices ?? []);
      setVoided(answer.voided ?? []);
      setMine(answer.mine ?? []);
      setClient(answer.client);
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

  const withdraw = (activityId: string, reason: string, replacement?: ActivityInput) =>
    run(() =>
      props.send({
        type: 'voidActivity',
        activityId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(replacement ? { replacement } : {}),
      }),
    );

  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-label={t('notesTitle', { client: props.clientName })}
    >
      <PanelHeader
        title={t('notesTitle', { client: props.clientName })}
        closeLabel={t('close')}
        onClose={props.onClose}
      />
      {entries && <Owed invoices={invoices} t={t} />}
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
            invoices={invoices}
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
        <Timeline
          entries={entries}
          t={t}
          currency={props.currency}
          voided={voided}
          mine={mine}
          busy={busy}
          onWithdraw={withdraw}
        />
      </section>
      {client && (
        <ClientForm
          key={`${client.id}|${client.language ?? ''}|${client.address ?? ''}`}
          client={client}
          t={t}
          busy={busy}
          onSave={(patch) => run(() => props.send({ type: 'updateClient', clientId: client.id, patch }))}
        />
      )}
    </div>
  );
}

/**
 * What the client owes, per currency: the open invoices' outstanding amounts (shared
 * receivableOf, computed by the background), and how much of it is overdue.
 */
function Owed({ invoices, t }: { invoices: InvoicePolicyView[]; t: OverlayTranslator }) {
  const totals = new Map<string, { owed: number; overdue: number }>();
  for (const invoice of invoices) {
    const total = totals.get(invoice.currency) ?? { owed: 0, overdue: 0 };
    total.owed += invoice.outstandingCents;
    if (invoice.daysOverdue > 0) total.overdue += invoice.outstandingCents;
    totals.set(invoice.currency, total);
  }
  const owing = [...totals].filter(([, total]) => total.owed > 0);
  return (
    <section class="owes" data-relance-part="owes">
      {owing.length === 0 ? (
        <p class="muted">{t('owesNothing')}</p>
      ) : (
        owing.map(([currency, total]) => (
          <p data-currency={currency} data-owed-cents={total.owed}>
            <strong>{t('owesTotal', { amount: formatMoney(total.owed, currency, t.lang) })}</strong>
            {total.overdue > 0 &&
              ` · ${t('owesOverdue', { amount: formatMoney(total.overdue, currency, t.lang) })}`}
          </p>
        ))
      )}
    </section>
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
  voided,
  mine,
  busy,
  onWithdraw,
}: {
  entries: TimelineEntry[] | null;
  t: OverlayTranslator;
  currency: string;
  voided: string[];
  mine: string[];
  busy: boolean;
  onWithdraw: (activityId: string, reason: string, replacement?: ActivityInput) => Promise<unknown>;
}) {
  if (!entries) return <p class="muted">{t('loading')}</p>;
  if (entries.length === 0) return <p class="muted">{t('timelineEmpty')}</p>;
  return (
    <ol class="timeline" data-relance-part="timeline">
      {entries.map((entry) => {
        const text = describeEntry(entry, t.lang, currency);
        const id = entry.kind === 'note' ? entry.note.id : entry.activity.id;
        const isVoided = voided.includes(id);
        return (
          <li
            key={id}
            class={`${text.kind}${isVoided ? ' voided' : ''}`}
            data-entry-kind={text.kind}
            data-entry-id={id}
            data-voided={isVoided ? 'true' : undefined}
          >
            <div class="entry-head">
              <strong>
                {text.title}
                {isVoided ? ` (${t('withdrawn')})` : ''}
              </strong>
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
            {entry.kind === 'activity' && mine.includes(id) && (
              <EntryCorrection activity={entry.activity} t={t} busy={busy} onWithdraw={onWithdraw} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Withdraw one's own entry (a void activity: it no longer counts), or correct it: the same entry
 * logged again with the right dates, the old one withdrawn.
 */
function EntryCorrection({
  activity,
  t,
  busy,
  onWithdraw,
}: {
  activity: Activity;
  t: OverlayTranslator;
  busy: boolean;
  onWithdraw: (activityId: string, reason: string, replacement?: ActivityInput) => Promise<unknown>;
}) {
  const [mode, setMode] = useState<'withdraw' | 'correct' | null>(null);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(activity.date);
  const [promised, setPromised] = useState(activity.type === 'promise-to-pay' ? activity.promisedDate : '');
  const corrected = (): ActivityInput => {
    const { id: _id, at: _at, authorId: _a, authorName: _n, ...rest } = activity;
    return {
      ...rest,
      date,
      ...(activity.type === 'promise-to-pay' && promised ? { promisedDate: promised } : {}),
    } as ActivityInput;
  };
  return (
    <div class="row">
      {!mode && (
        <>
          <button type="button" data-relance-action="withdraw-entry" onClick={() => setMode('withdraw')}>
            {t('withdraw')}
          </button>
          <button type="button" data-relance-action="correct-entry" onClick={() => setMode('correct')}>
            {t('correct')}
          </button>
        </>
      )}
      {mode && (
        <form
          data-relance-form={`${mode}-entry`}
          onSubmit={(event) => {
            event.preventDefault();
            void onWithdraw(activity.id, reason, mode === 'correct' ? corrected() : undefined).then(() =>
              setMode(null),
            );
          }}
        >
          {mode === 'correct' && (
            <>
              <label for={`relance-date-${activity.id}`}>{t('correctedDate')}</label>
              <input
                id={`relance-date-${activity.id}`}
                type="date"
                required
                value={date}
                onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value || activity.date)}
              />
              {activity.type === 'promise-to-pay' && (
                <>
                  <label for={`relance-promised-${activity.id}`}>{t('promisedDate')}</label>
                  <input
                    id={`relance-promised-${activity.id}`}
                    type="date"
                    required
                    value={promised}
                    onInput={(e) => setPromised((e.currentTarget as HTMLInputElement).value || promised)}
                  />
                </>
              )}
            </>
          )}
          <label for={`relance-reason-${activity.id}`}>{t('withdrawReason')}</label>
          <input
            id={`relance-reason-${activity.id}`}
            name="reason"
            value={reason}
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
          />
          <div class="row">
            <button type="submit" class="primary" data-relance-action="confirm-entry-change" disabled={busy}>
              {mode === 'correct' ? t('correct') : t('confirmWithdraw')}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The client's language for reminders and postal address (asked once, kept on the client). */
function ClientForm({
  client,
  t,
  busy,
  onSave,
}: {
  client: Client;
  t: OverlayTranslator;
  busy: boolean;
  onSave: (patch: ClientPatch) => Promise<unknown>;
}) {
  const [language, setLanguage] = useState<string>(client.language ?? '');
  const [address, setAddress] = useState(client.address ?? '');
  return (
    <section data-relance-part="client-form">
      <h3>{t('clientSection')}</h3>
      <label for="relance-client-language">{t('clientLanguage')}</label>
      <select
        id="relance-client-language"
        data-relance-field="client-language"
        value={language}
        onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('languageUnset')}</option>
        <option value="fr">{t('languageFr')}</option>
        <option value="en">{t('languageEn')}</option>
      </select>
      <AddressField
        id="relance-client-address"
        label={t('clientPostalAddress')}
        value={address}
        onInput={setAddress}
      />
      <div class="row">
        <button
          type="button"
          data-relance-action="save-client"
          disabled={busy}
          onClick={() =>
            void onSave({
              address: address.trim(),
              ...(language === 'fr' || language === 'en' ? { language } : {}),
            })
          }
        >
          {t('saveClient')}
        </button>
      </div>
    </section>
  );
}

interface LogFormProps {
  kind: LogKind;
  t: OverlayTranslator;
  busy: boolean;
  clientId: string;
  /** The invoice the panel was opened from. */
  invoiceIds: string[];
  /** The client's open invoices: a promise, a dispute or a plan may cover several. */
  invoices: InvoicePolicyView[];
  amountDueCents: number;
  onSubmit: (activity: ActivityInput) => void;
  onCancel: () => void;
}

/** The few fields each kind of event needs; dates are picked with the browser's date input. */
function LogForm({
  kind,
  t,
  busy,
  clientId,
  invoiceIds,
  invoices,
  amountDueCents,
  onSubmit,
  onCancel,
}: LogFormProps) {
  const today = todayLocal();
  const [text, setText] = useState('');
  const [date, setDate] = useState(addMonths(today, 0));
  const [amount, setAmount] = useState('');
  const [count, setCount] = useState('3');
  const [chosen, setChosen] = useState<string[]>(() => defaultCovered(kind, invoices, invoiceIds));
  const [problem, setProblem] = useState('');
  const lang = t.lang;
  const several = kind !== 'call' && invoices.length > 1;
  const base = { clientId, invoiceIds: several ? chosen : invoiceIds };

  const planInstalments = () => {
    const n = Math.max(1, Math.min(120, Number.parseInt(count, 10) || 1));
    const each = tryParseAmount(amount, { locale: lang })?.cents ?? Math.ceil(amountDueCents / n);
    return Array.from({ length: n }, (_, i) => ({ date: addMonths(date, i), amountCents: each }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (several && chosen.length === 0) {
      setProblem(t('chooseInvoice'));
      return;
    }
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
      {several && (
        <fieldset data-relance-part="covered-invoices">
          <legend>{t('coveredInvoices')}</legend>
          {invoices.map((invoice) => (
            <label key={invoice.invoiceId} class="check">
              <input
                type="checkbox"
                data-invoice-number={invoice.number}
                checked={chosen.includes(invoice.invoiceId)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setChosen((list) =>
                    on ? [...list, invoice.invoiceId] : list.filter((id) => id !== invoice.invoiceId),
                  );
                }}
              />{' '}
              {invoice.number} · {formatMoney(invoice.outstandingCents, invoice.currency, lang)} ·{' '}
              {formatDaysLate(invoice.daysOverdue, lang, 'short')}
            </label>
          ))}
        </fieldset>
      )}
      {problem && <p class="error">{problem}</p>}
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

/**
 * Which invoices a new promise, dispute or plan covers unless the person says otherwise: all the
 * client's overdue ones (and the one the panel was opened from); a resolution, the disputed ones.
 */
export function defaultCovered(kind: LogKind, invoices: InvoicePolicyView[], openedFrom: string[]): string[] {
  if (kind === 'dispute-resolved') {
    const disputed = invoices.filter((i) => i.pause?.reason === 'dispute').map((i) => i.invoiceId);
    return disputed.length > 0 ? disputed : openedFrom;
  }
  const overdue = invoices.filter((i) => i.daysOverdue > 0 && i.stage !== 'paid').map((i) => i.invoiceId);
  return [...new Set([...openedFrom.filter((id) => invoices.some((i) => i.invoiceId === id)), ...overdue])];
}
