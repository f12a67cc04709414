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
import { actionButton, attr, el, setOptions, syncChildren } from './dom';
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

/** The elements kept across renders: what the person can focus or is reading stays in place. */
interface Parts {
  section: HTMLElement;
  client: HTMLElement;
  summary: HTMLElement;
  toggle: HTMLButtonElement;
  other: HTMLLabelElement;
  select: HTMLSelectElement;
  actions: HTMLElement;
  insert: HTMLButtonElement;
  log: HTMLLabelElement;
  logBox: HTMLInputElement;
  props: ComposePanelProps;
}

const drawn = new WeakMap<Node, Parts>();

function build(doc: Document, props: ComposePanelProps): Parts {
  const { t } = props;
  const section = el(doc, 'section', 'panel');
  section.setAttribute('aria-label', 'Relance');
  const client = el(doc, 'span', 'client');
  const summary = el(doc, 'span', 'summary');
  const toggle = actionButton(doc, '', 'toggle');
  const head = el(doc, 'div', 'head');
  head.append(el(doc, 'span', 'brand', 'Relance'), client, summary, toggle);
  const select = el(doc, 'select');
  const other = el(doc, 'label', '', t('otherClient'));
  other.append(' ', select);
  const insert = actionButton(doc, 'insert-reminder');
  const logBox = el(doc, 'input');
  logBox.type = 'checkbox';
  logBox.dataset.relanceAction = 'log-on-send';
  const log = el(doc, 'label');
  log.append(logBox, t('logOnSend'));
  const actions = el(doc, 'div', 'actions');
  section.append(head);
  const parts: Parts = {
    section,
    client,
    summary,
    toggle,
    other,
    select,
    actions,
    insert,
    log,
    logBox,
    props,
  };
  toggle.addEventListener('click', () => parts.props.onToggleCollapsed());
  select.addEventListener('change', () => parts.props.onSelectClient(select.value));
  // Keep the caret where it is in the message: the text goes there.
  insert.addEventListener('mousedown', (e) => e.preventDefault());
  insert.addEventListener('click', () => parts.props.onInsert());
  logBox.addEventListener('change', () => parts.props.onToggleLog(logBox.checked));
  return parts;
}

/**
 * `3 factures en retard · 4 230,00 €`, the invoices with days late and amounts, who reminded
 * the client last (a warning inside the team's quiet period), and the insert button. Drawn into
 * `root` (the panel's shadow root) or updated in place; page and client text go in as text.
 */
export function drawComposePanel(root: ParentNode & Node, props: ComposePanelProps): void {
  const doc = root.ownerDocument ?? document;
  let parts = drawn.get(root);
  if (parts?.section.parentNode !== root) {
    parts = build(doc, props);
    drawn.set(root, parts);
    root.append(parts.section);
  }
  parts.props = props;
  const { t, selected, status, today, collapsed } = props;
  const lang = t.lang;
  const invoices = overdueInvoices(selected);
  const stage = stageDue(selected);
  const canInsert = insertableInvoices(selected).length > 0;
  const formalNotice = stage === 'formal-notice';
  const last = selected.lastReminder;
  const p = (className: string, text: string) => el(doc, 'p', className, text);

  parts.client.textContent = selected.client.name;
  parts.summary.textContent = t('overdueSummary', {
    count: formatCount(selected.overdueCount, { one: t('overdueOne'), other: t('overdueOther') }, lang),
    total: formatMoney(selected.overdueTotalCents, selected.currency, lang),
  });
  parts.toggle.textContent = collapsed ? t('expand') : t('collapse');
  parts.toggle.setAttribute('aria-expanded', String(!collapsed));

  const showOther = !collapsed && props.clients.length > 1;
  if (showOther) {
    setOptions(
      parts.select,
      props.clients.map((c) => [c.client.id, c.client.name]),
      selected.client.id,
    );
  }

  let list: HTMLElement | null = null;
  if (!collapsed) {
    list = el(doc, 'ul');
    for (const invoice of invoices.slice(0, MAX_LISTED)) {
      const item = el(
        doc,
        'li',
        '',
        `${t('invoiceLine', {
          number: invoice.number,
          days: formatDaysLate(invoice.daysOverdue, lang, 'long'),
          amount: formatMoney(invoice.outstandingCents, invoice.currency, lang),
        })} `,
      );
      item.dataset.invoiceNumber = invoice.number;
      item.append(el(doc, 'span', 'stage', `· ${stageLabel(invoice.stage, lang)}`));
      list.append(item);
    }
    if (invoices.length > MAX_LISTED) list.append(el(doc, 'li', 'muted', `+${invoices.length - MAX_LISTED}`));
  }

  let lastLine: HTMLElement | null = null;
  if (last && selected.remindedRecently) {
    lastLine = p(
      'warning',
      t('quietWarning', {
        name: last.authorName || t('someone'),
        when: relativeDays(daysBetween(last.date, today), lang),
      }),
    );
    lastLine.setAttribute('role', 'alert');
    lastLine.dataset.relanceWarning = 'quiet-period';
  } else if (!collapsed) {
    lastLine = p('last', last ? lastReminderLine(last, today, t) : t('neverReminded'));
  }

  let note: HTMLElement | null = null;
  if (atLegalStage(selected)) {
    note = p('note', t('collectionsReady'));
    note.dataset.relanceNote = 'collections-file';
  }

  const { insert } = parts;
  insert.className = formalNotice ? 'primary formal' : 'primary';
  attr(insert, 'data-stage', stage ?? undefined);
  attr(insert, 'title', stage ? t('insertTitle', { stage: stageLabel(stage, lang) }) : undefined);
  insert.disabled = status.kind === 'inserting';
  insert.textContent =
    status.kind === 'inserting' ? t('inserting') : formalNotice ? t('insertFormalNotice') : t('insert');
  parts.logBox.checked = props.logOnSend;
  syncChildren(parts.actions, [
    canInsert && insert,
    stage &&
      el(
        doc,
        'span',
        formalNotice ? 'stage formal' : 'stage',
        formalNotice ? t('formalNoticeDue') : t('stageDue', { stage: stageLabel(stage, lang) }),
      ),
    canInsert && parts.log,
  ]);

  let message: HTMLElement | null = null;
  if (status.kind === 'inserted') {
    message = p('status', t('inserted'));
    message.setAttribute('role', 'status');
  } else if (status.kind === 'error') {
    message = p('error', status.message);
    message.setAttribute('role', 'alert');
  }

  syncChildren(parts.section, [
    parts.section.firstChild,
    showOther && parts.other,
    list,
    lastLine,
    note,
    parts.actions,
    message,
  ]);
}
