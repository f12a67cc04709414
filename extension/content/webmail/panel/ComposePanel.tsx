import { daysBetween } from '@relance/shared/dates';
import {
  channelLabel,
  formatCount,
  formatDate,
  formatDaysLate,
  formatMoney,
  stageLabel,
} from '@relance/shared/format';
import { firmestStage, type IsoDate, isStageId, type StageId } from '@relance/shared/vocabulary';
import type { ClientSummary, InvoicePolicyView, LastReminder } from '../../../lib/messages';
import { relativeDays, type WebmailTranslator } from './strings';

export type PanelStatus =
  | { kind: 'idle' }
  | { kind: 'inserting' }
  | { kind: 'inserted' }
  | { kind: 'error'; message: string };

export interface ComposePanelProps {
  t: WebmailTranslator;
  today: IsoDate;
  /** Clients among the recipients with overdue invoices, the one shown first. */
  clients: ClientSummary[];
  selected: ClientSummary;
  status: PanelStatus;
  logOnSend: boolean;
  collapsed: boolean;
  onSelectClient(clientId: string): void;
  onInsert(): void;
  onToggleLog(on: boolean): void;
  onToggleCollapsed(): void;
}

const MAX_LISTED = 6;

/** Invoices past their due date, latest first (the list the person reads before writing). */
export function overdueInvoices(summary: ClientSummary): InvoicePolicyView[] {
  return summary.invoices
    .filter((i) => i.daysOverdue > 0 && i.stage !== 'paid')
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/**
 * The invoices a message to the client may cover: overdue or due, not paid nor paused, and never
 * the legal stage (its collections file is for the team's next step, not for the client).
 */
export function insertableInvoices(summary: ClientSummary): InvoicePolicyView[] {
  return summary.invoices.filter(
    (i) =>
      (i.actionDue || i.daysOverdue > 0) && i.stage !== 'paid' && i.stage !== 'paused' && i.stage !== 'legal',
  );
}

/** Some invoice is at the legal stage: its collections file is ready. */
export function atLegalStage(summary: ClientSummary): boolean {
  return summary.invoices.some((i) => i.stage === 'legal');
}

/** The firmest stage whose action is due among the insertable invoices (what the reminder will be). */
export function stageDue(summary: ClientSummary): StageId | null {
  return firmestStage(
    insertableInvoices(summary)
      .filter((i) => i.actionDue && isStageId(i.stage))
      .map((i) => i.stage as StageId),
  );
}

function lastReminderLine(last: LastReminder, today: IsoDate, t: WebmailTranslator): string {
  if (last.mine) {
    return t('lastReminderMine', {
      date: formatDate(last.date, t.lang),
      channel: channelLabel(last.channel, t.lang),
    });
  }
  return t('lastReminder', {
    name: last.authorName || t('someone'),
    when: relativeDays(daysBetween(last.date, today), t.lang),
    channel: channelLabel(last.channel, t.lang),
  });
}

/**
 * `3 factures en retard · 4 230,00 €`, the invoices with days late and amounts, who reminded
 * the client last (a warning inside the team's quiet period), and the insert button. Page and
 * client text is rendered as text by Preact, never as HTML.
 */
export function ComposePanel(props: ComposePanelProps) {
  const { t, selected, status, today } = props;
  const lang = t.lang;
  const invoices = overdueInvoices(selected);
  const stage = stageDue(selected);
  const canInsert = insertableInvoices(selected).length > 0;
  const formalNotice = stage === 'formal-notice';
  const last = selected.lastReminder;
  const busy = status.kind === 'inserting';
  return (
    <section class="panel" aria-label="Relance">
      <div class="head">
        <span class="brand">Relance</span>
        <span class="client">{selected.client.name}</span>
        <span class="summary">
          {t('overdueSummary', {
            count: formatCount(
              selected.overdueCount,
              { one: t('overdueOne'), other: t('overdueOther') },
              lang,
            ),
            total: formatMoney(selected.overdueTotalCents, selected.currency, lang),
          })}
        </span>
        <button
          type="button"
          class="toggle"
          aria-expanded={!props.collapsed}
          onClick={props.onToggleCollapsed}
        >
          {props.collapsed ? t('expand') : t('collapse')}
        </button>
      </div>
      {!props.collapsed && props.clients.length > 1 && (
        <label>
          {t('otherClient')}{' '}
          <select
            value={selected.client.id}
            onChange={(e) => props.onSelectClient((e.currentTarget as HTMLSelectElement).value)}
          >
            {props.clients.map((c) => (
              <option key={c.client.id} value={c.client.id}>
                {c.client.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!props.collapsed && (
        <ul>
          {invoices.slice(0, MAX_LISTED).map((invoice) => (
            <li key={invoice.invoiceId} data-invoice-number={invoice.number}>
              {t('invoiceLine', {
                number: invoice.number,
                days: formatDaysLate(invoice.daysOverdue, lang, 'long'),
                amount: formatMoney(invoice.outstandingCents, invoice.currency, lang),
              })}{' '}
              <span class="stage">· {stageLabel(invoice.stage, lang)}</span>
            </li>
          ))}
          {invoices.length > MAX_LISTED && <li class="muted">+{invoices.length - MAX_LISTED}</li>}
        </ul>
      )}
      {last && selected.remindedRecently ? (
        <p class="warning" role="alert" data-relance-warning="quiet-period">
          {t('quietWarning', {
            name: last.authorName || t('someone'),
            when: relativeDays(daysBetween(last.date, today), lang),
          })}
        </p>
      ) : (
        !props.collapsed && <p class="last">{last ? lastReminderLine(last, today, t) : t('neverReminded')}</p>
      )}
      {atLegalStage(selected) && (
        <p class="note" data-relance-note="collections-file">
          {t('collectionsReady')}
        </p>
      )}
      <div class="actions">
        {canInsert && (
          <button
            type="button"
            class={formalNotice ? 'primary formal' : 'primary'}
            data-relance-action="insert-reminder"
            data-stage={stage ?? undefined}
            title={stage ? t('insertTitle', { stage: stageLabel(stage, lang) }) : undefined}
            disabled={busy}
            // Keep the caret where it is in the message: the text goes there.
            onMouseDown={(e) => e.preventDefault()}
            onClick={props.onInsert}
          >
            {busy ? t('inserting') : formalNotice ? t('insertFormalNotice') : t('insert')}
          </button>
        )}
        {stage && (
          <span class={formalNotice ? 'stage formal' : 'stage'}>
            {formalNotice ? t('formalNoticeDue') : t('stageDue', { stage: stageLabel(stage, lang) })}
          </span>
        )}
        {canInsert && (
          <label>
            <input
              type="checkbox"
              data-relance-action="log-on-send"
              checked={props.logOnSend}
              onChange={(e) => props.onToggleLog((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('logOnSend')}
          </label>
        )}
      </div>
      {status.kind === 'inserted' && (
        <p class="status" role="status">
          {t('inserted')}
        </p>
      )}
      {status.kind === 'error' && (
        <p class="error" role="alert">
          {status.message}
        </p>
      )}
    </section>
  );
}
