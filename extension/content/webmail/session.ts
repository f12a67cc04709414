import { uuidv7 } from '@relance/shared/ids';
import type { IsoDate } from '@relance/shared/vocabulary';
import type { ClientChoice, ClientSummary, PreparedReminder, Send } from '../../lib/messages';
import { guard, guardAsync, messageOf, reportError } from '../shared/guard';
import { isHiddenByPage } from './adapters/dom';
import type { Recipient, WebmailAdapter } from './adapters/types';
import { composeLanguage } from './compose/composeLanguage';
import type { SentMessage } from './compose/sendDetector';
import { fillSubject, insertIntoEditor } from './insert/insertText';
import type { AddressPrompts } from './matching/addressPrompts';
import { type ClientMatcher, clientsWithOverdue, unknownRecipients } from './matching/clientMatcher';
import type { AssignPanel } from './panel/AssignPanel';
import { drawComposePanel, insertableInvoices, type PanelStatus, stageDue } from './panel/ComposePanel';
import { ASSIGN_TAG, PANEL_TAG, PanelMount } from './panel/panelMount';
import type { WebmailTranslator } from './panel/strings';
import type { WebmailUiLoader } from './uiLoader';

export interface SessionDeps {
  doc: Document;
  adapter: WebmailAdapter;
  send: Send;
  matcher: ClientMatcher;
  t: WebmailTranslator;
  today: () => IsoDate;
  prompts: AddressPrompts;
  /** The address line and the health outline, loaded on first use (`webmail-ui.js`). */
  ui: WebmailUiLoader;
  /** A reminder was logged or an address linked: every open compose window asks again. */
  onClientsChanged(): void;
}

const MAX_SUBJECT = 500;
const MAX_RECIPIENTS = 50;
/** A compose window still rendering may lack its toolbar for a moment: look again after this. */
export const HEALTH_DELAY_MS = 2500;

/** What a reminder written in this window is about (what is logged when it is sent). */
interface Chosen {
  clientId: string;
  reminder: PreparedReminder;
}

/**
 * One open compose window: who it is addressed to, which client that is, the panel, what was
 * inserted, and what to log when it is sent.
 */
export class ComposeSession {
  private recipients: Recipient[] = [];
  private recipientsKey: string | null = null;
  private summaries: ClientSummary[] = [];
  private selectedId: string | null = null;
  private chosen: Chosen | null = null;
  private logOnSend = false;
  private status: PanelStatus = { kind: 'idle' };
  private collapsed = false;
  private savedRange: Range | null = null;
  /** Bumped on every new question and on close: a late answer for an older one is dropped. */
  private generation = 0;
  private closed = false;
  private healthTimer: ReturnType<typeof setTimeout> | null = null;
  private healthChecked = false;
  private readonly work = new Set<Promise<unknown>>();
  private readonly panel: PanelMount;
  private readonly assign: PanelMount;
  /** Made once `webmail-ui.js` is loaded. */
  private assignLine: AssignPanel | null = null;

  constructor(
    readonly root: Element,
    private readonly deps: SessionDeps,
  ) {
    this.panel = new PanelMount(deps.doc, PANEL_TAG);
    this.assign = new PanelMount(deps.doc, ASSIGN_TAG, () => this.assignLine?.clear());
  }

  /** Reads the recipients again; asks who they are when they changed (or when `force`). */
  refresh(force = false): void {
    if (this.closed) return;
    this.scheduleHealthCheck();
    this.recipients = this.deps.adapter.recipients(this.root);
    const key = this.recipients
      .map((r) => r.email)
      .sort()
      .join(',');
    if (!force && key === this.recipientsKey) {
      // Same people: only a host the page re-rendered away needs putting back.
      if (this.lostHost()) this.render();
      return;
    }
    this.recipientsKey = key;
    const generation = ++this.generation;
    this.track(
      guardAsync('webmail.match', async () => {
        const [summaries] = await Promise.all([
          this.deps.matcher.match(this.recipients.map((r) => r.email)),
          this.deps.prompts.ready(),
        ]);
        if (generation !== this.generation || this.closed) return;
        this.summaries = summaries;
        this.render();
      }),
    );
  }

  /** The caret moved inside this window's editor: the reminder goes there. */
  rememberCaret(range: Range): void {
    this.savedRange = range;
  }

  get body(): HTMLElement | null {
    return this.deps.adapter.body(this.root);
  }

  /** The window closed without being sent (or after): the panel goes with it. */
  close(): void {
    this.closed = true;
    this.generation++;
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.panel.remove();
    this.assign.remove();
  }

  /** The window was sent: a reminder written through the panel (or marked as one) is logged. */
  sent(message: SentMessage): void {
    this.close();
    if (!this.logOnSend) return;
    this.track(guardAsync('webmail.logReminder', () => this.logReminder(message)));
  }

  /** Resolves when every answer asked for so far has been handled (tests). */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  /**
   * Once per window, a moment after it opened: when the adapter cannot find the recipients field
   * or the send button, the background records it (names of tags and attributes only).
   */
  private scheduleHealthCheck(): void {
    if (this.healthChecked) return;
    this.healthChecked = true;
    const win = this.deps.doc.defaultView ?? globalThis;
    this.healthTimer = win.setTimeout(
      guard('webmail.health', () => {
        this.healthTimer = null;
        if (this.closed || !this.root.isConnected) return;
        const problems = this.deps.adapter.problems(this.root);
        if (problems.length === 0) return;
        this.track(
          guardAsync('webmail.health.report', async () => {
            const { structureOutline } = await this.deps.ui.load();
            const report = {
              webmail: this.deps.adapter.name,
              problems,
              structure: structureOutline(this.root),
            };
            await this.deps.send({ type: 'reportWebmailHealth', report });
          }),
        );
      }),
      HEALTH_DELAY_MS,
    );
  }

  private track(promise: Promise<unknown>): void {
    this.work.add(promise);
    void promise.finally(() => this.work.delete(promise));
  }

  /** A panel or "belongs to" line we showed is no longer in the page. */
  private lostHost(): boolean {
    return (this.panel.placed && !this.panel.host) || (this.assign.placed && !this.assign.host);
  }

  private selectedClient(clients: ClientSummary[]): ClientSummary | undefined {
    return clients.find((c) => c.client.id === this.selectedId) ?? clients[0];
  }

  private render(): void {
    if (this.closed) return;
    const slot = this.deps.adapter.panelSlot(this.root);
    if (!slot) return;
    const clients = clientsWithOverdue(this.summaries, this.recipients);
    const selected = this.selectedClient(clients);
    if (selected) {
      this.assign.remove();
      this.panel.show(
        slot,
        { 'data-client': selected.client.name, 'data-overdue-count': String(selected.overdueCount) },
        (root) =>
          drawComposePanel(root, {
            t: this.deps.t,
            today: this.deps.today(),
            clients,
            selected,
            status: this.status,
            logOnSend: this.logOnSend,
            collapsed: this.collapsed,
            onSelectClient: guard('webmail.selectClient', (clientId: string) => {
              this.selectedId = clientId;
              if (this.chosen?.clientId !== clientId) this.chosen = null;
              this.render();
            }),
            onInsert: guard('webmail.insert', () => this.track(this.insert(selected))),
            onToggleLog: guard('webmail.toggleLog', (on: boolean) => this.setLogOnSend(on, selected)),
            onToggleCollapsed: guard('webmail.collapse', () => {
              this.collapsed = !this.collapsed;
              this.render();
            }),
          }),
      );
      return;
    }
    this.panel.remove();
    const unknown = unknownRecipients(this.summaries, this.recipients)
      .map((r) => r.email)
      .filter((email) => !this.deps.prompts.isDismissed(email));
    if (unknown.length === 0 || this.recipientsKey === null) {
      this.assign.remove();
      return;
    }
    const ui = this.deps.ui.ready;
    if (!ui) {
      // Not loaded yet (the preload did not finish, or failed): drawn once it is, else nothing.
      this.track(
        this.deps.ui.load().then(
          guard('webmail.assign', () => this.render()),
          (error) => reportError('webmail.ui', error),
        ),
      );
      return;
    }
    this.assignLine ??= new ui.AssignPanel();
    const line = this.assignLine;
    this.assign.show(slot, {}, (root) =>
      line.draw(root, {
        lang: this.deps.t.lang,
        emails: unknown,
        search: this.searchClients,
        assign: (email: string, client: ClientChoice) => this.assignEmail(email, client),
        dismiss: guard('webmail.dismissAssign', (email: string) => {
          this.track(guardAsync('webmail.dismiss', () => this.deps.prompts.dismiss(email)));
          this.render();
        }),
      }),
    );
  }

  private readonly searchClients = async (query: string): Promise<ClientChoice[]> =>
    (await this.deps.send({ type: 'searchClients', query })).clients;

  private async assignEmail(email: string, client: ClientChoice): Promise<void> {
    await this.deps.send({ type: 'assignEmailToClient', clientId: client.id, email });
    this.deps.onClientsChanged();
  }

  /** The reminder text for the client's overdue invoices, at the stage due (the background decides). */
  private async prepare(summary: ClientSummary): Promise<Chosen> {
    if (this.chosen?.clientId === summary.client.id) return this.chosen;
    // Never the legal stage: its collections file is for the team, not a message to the client.
    const invoiceIds = insertableInvoices(summary).map((i) => i.invoiceId);
    if (invoiceIds.length === 0) throw new Error('no reminder to prepare');
    // The client's language first (the background knows it), else this window's.
    const language = composeLanguage(this.root);
    const { reminders } = await this.deps.send({
      type: 'prepareReminder',
      invoiceIds,
      ...(language ? { language } : {}),
    });
    const mine = reminders.filter((r) => r.clientId === summary.client.id && r.stage !== 'legal');
    // A formal notice and an amicable reminder may come apart: the one the panel offered.
    const reminder = mine.find((r) => r.stage === stageDue(summary)) ?? mine[0];
    if (!reminder) throw new Error('no reminder to prepare');
    this.chosen = { clientId: summary.client.id, reminder };
    return this.chosen;
  }

  private async insert(summary: ClientSummary): Promise<void> {
    this.status = { kind: 'inserting' };
    this.render();
    try {
      const { reminder } = await this.prepare(summary);
      const body = this.body;
      if (!body) throw new Error(this.deps.t('noEditor'));
      const subject = this.deps.adapter.subject(this.root);
      if (subject && !isHiddenByPage(subject, this.root)) fillSubject(subject, reminder.subject);
      if (!insertIntoEditor(body, reminder.body, this.savedRange)) throw new Error(this.deps.t('noEditor'));
      this.logOnSend = true;
      this.status = { kind: 'inserted' };
    } catch (error) {
      reportError('webmail.insert', error);
      this.status = { kind: 'error', message: this.deps.t('failed', { message: messageOf(error) }) };
    }
    this.render();
  }

  private setLogOnSend(on: boolean, summary: ClientSummary): void {
    this.logOnSend = on;
    this.render();
    // A reminder written by hand: what it covers is known before the window closes.
    if (on) this.track(guardAsync('webmail.prepare', () => this.prepare(summary)));
  }

  private async logReminder(message: SentMessage): Promise<void> {
    const selected = this.selectedClient(clientsWithOverdue(this.summaries, this.recipients));
    const chosen = this.chosen ?? (selected ? await this.prepare(selected) : null);
    if (!chosen) return;
    const { reminder } = chosen;
    const recipients = message.recipients.map((r) => r.email).slice(0, MAX_RECIPIENTS);
    await this.deps.send({
      type: 'logActivity',
      activity: {
        type: 'reminder',
        // Made here so that a retried message is stored once.
        id: uuidv7(),
        clientId: chosen.clientId,
        invoiceIds: reminder.invoiceIds,
        // Each invoice's own stage, as the invoicing overlay logs it.
        ...(reminder.invoiceStages ? { invoiceStages: reminder.invoiceStages } : {}),
        stage: reminder.stage,
        channel: this.deps.adapter.name,
        subject: (message.subject || reminder.subject).slice(0, MAX_SUBJECT),
        recipients,
      },
    });
    await this.learnAddresses(chosen.clientId, message.recipients);
    this.deps.onClientsChanged();
  }

  /**
   * The reminder went to addresses no client is known by, in To: they are the client's (what is
   * learned from reminders sent through Relance). Cc and Bcc may be colleagues: not learned.
   */
  private async learnAddresses(clientId: string, recipients: Recipient[]): Promise<void> {
    const unknown = unknownRecipients(this.summaries, recipients);
    const learnable = unknown.filter(
      (r) => r.field === 'to' || (r.field === 'unknown' && recipients.length === 1),
    );
    for (const { email } of learnable) {
      await this.deps.send({ type: 'assignEmailToClient', clientId, email });
    }
  }
}
