import type {
  Activity,
  BadgeStage,
  Channel,
  Client,
  CollectionsFile,
  InvoiceStatus,
  IsoDate,
  Jurisdiction,
  Language,
  StageId,
  StageKind,
  TableColumn,
  TeamSettings,
} from '@relance/shared';
import { browser } from 'wxt/browser';

/**
 * The typed contract between content scripts / extension pages and the background. Content scripts
 * import this file only (no Dexie, no token): the background owns the database and the server.
 *
 *   const { invoices } = await sendMessage({ type: 'observeInvoices', observations });
 */

/** What an overlay read of one invoice on a page. */
export interface InvoiceObservation {
  number: string;
  clientName: string;
  amountDueCents: number;
  currency: string;
  dueDate: IsoDate;
  issueDate?: IsoDate;
  totalCents?: number;
  status?: InvoiceStatus;
  /** Client e-mail addresses when the page shows them (they let the webmail panel find the client). */
  clientEmails?: string[];
  host: string;
  url: string;
  /**
   * Read from a summary (a customer page's box of latest invoices): its amounts and dates fill in
   * a new record but never replace those of an invoice already read from a list or its own page.
   */
  summary?: boolean;
}

export interface LastReminder {
  date: IsoDate;
  authorName?: string;
  /** Who sent it (absent on records made before the account existed). */
  authorId?: string;
  /** Sent by the person signed in on this install (or on an install alone): "You reminded…". */
  mine?: boolean;
  channel: Channel;
  /** The stage it was sent for (a letter may have none). */
  stage?: StageId;
}

export type PauseReason = 'dispute' | 'promise-to-pay' | 'payment-plan';

/** The policy's answer for one invoice: what the badge shows and what is due. */
export interface InvoicePolicyView {
  invoiceId: string;
  clientId: string;
  number: string;
  clientName: string;
  /** As read from the page. */
  amountDueCents: number;
  /** What is left to pay: the amount due less payments the team recorded (shared receivableOf). */
  outstandingCents: number;
  currency: string;
  dueDate: IsoDate;
  /** Negative before the due date. */
  daysOverdue: number;
  stage: BadgeStage;
  /** The stage's action has not been done yet. */
  actionDue: boolean;
  /** The next stage and the day it comes, when there is one. */
  nextStage?: { stage: StageId; date: IsoDate };
  pause?: { reason: PauseReason; until?: IsoDate };
  lastReminder?: LastReminder;
}

export type TimelineEntry =
  | { kind: 'activity'; sortKey: string; activity: Activity }
  | {
      kind: 'note';
      sortKey: string;
      note: {
        id: string;
        clientId: string;
        invoiceId?: string;
        text: string;
        authorName?: string;
        createdAt: string;
        updatedAt: string;
      };
    };

/** Everything but what the background fills in (id, dates default to now, author from the account). */
export type ActivityInput = DistributiveOmit<Activity, 'id' | 'date' | 'at' | 'authorId' | 'authorName'> & {
  id?: string;
  date?: IsoDate;
  at?: string;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One invoice a prepared reminder covers, at its own stage. */
export interface PreparedInvoice {
  invoiceId: string;
  number: string;
  /** Its own stage (a grouped message is written for the firmest). */
  stage: StageId | null;
  dueDate: IsoDate;
  daysOverdue: number;
  outstandingCents: number;
}

/** Why an invoice asked about is paused: the dialog says it before anything else. */
export interface PausedInvoice {
  invoiceId: string;
  number: string;
  reason: PauseReason;
  since: IsoDate;
  until?: IsoDate;
  /** The dispute's reason, the promised amount… as typed. */
  detail?: string;
}

/**
 * What the printed letter needs, laid out by the overlay (remind/letter.ts): French business
 * letter (sender top left, recipient in the window of a French envelope, on the right) or English
 * layout (recipient on the left, for a UK window envelope).
 */
export interface LetterData {
  lang: Language;
  /** `fr`: French layout; `en`: English (UK) layout. */
  layout: 'fr' | 'en';
  /** "Lyon, le 1er décembre 2026" / "1 December 2026". */
  placeAndDate: string;
  sender: string[];
  recipient: { name: string; address: string[] };
  /** The registered-mail mention, printed once (formal notice). */
  mention?: string;
  subject: string;
  /** The body for a letter: the invoice table stands where LETTER_TABLE_MARK is. */
  body: string;
  table: { columns: TableColumn[]; count: number; withPenalties: TableColumn[] };
  payment?: {
    lines: string[];
    /** The EPC (SEPA transfer) QR code's modules, dark = true; made in the background. */
    qr?: boolean[][];
    qrCaption: string;
  };
  /** Legal footer: legal name, address, SIREN/SIRET, VAT number, mentions. */
  footer: string[];
}

/** The new parts (kind to deadline) are optional so that older callers and fakes keep compiling. */
export interface PreparedReminder {
  clientId: string;
  clientName: string;
  /** The firmest stage among the grouped invoices. */
  stage: StageId;
  /** A formal notice or the collections file never covers amicable invoices (policy/grouping.ts). */
  kind?: StageKind;
  /** Each invoice's own stage when it differs from `stage`: log it with the reminder. */
  invoiceStages?: Record<string, StageId>;
  invoices?: PreparedInvoice[];
  /** Invoices asked about that are paused (dispute, promise, plan): said before the text. */
  paused?: PausedInvoice[];
  /** An earlier reminder went out for these invoices. */
  reminded?: boolean;
  /** The client's postal address, when known (asked once before a letter, kept on the client). */
  clientAddress?: string;
  /** The reference rate was assumed unchanged after this day. */
  rateUnknownAfter?: IsoDate;
  letter?: LetterData;
  /** The legal stage: the collections file (for the team, never a message to the client). */
  collectionsFile?: CollectionsFile;
  /** The same file as text, to print or export (made here: the content script stays small). */
  collectionsFileText?: string;
  /** The formal notice's deadline, recorded with it when it is sent. */
  deadline?: IsoDate;
  invoiceIds: string[];
  language: Language;
  subject: string;
  body: string;
  recipients: string[];
  channels: Channel[];
  totalDueCents: number;
  currency: string;
  /** Late-payment interest + fixed indemnities, when the stage states them (reminder-2 on). */
  latePayment?: { interestCents: number; indemnityCents: number; currency: string; consumer: boolean };
  /** A teammate (someone else) reminded this client within the quiet period. */
  recentReminder?: LastReminder;
}

/** This person's own details, kept on this install (options → My profile): they sign the reminders they send. */
export interface PersonProfile {
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface ClientSummary {
  client: Client;
  overdueCount: number;
  overdueTotalCents: number;
  currency: string;
  lastReminder?: LastReminder;
  /** The most recent reminder falls within the team's quiet period. */
  remindedRecently: boolean;
  invoices: InvoicePolicyView[];
}

/** A client to pick from in the webmail panel's "this address belongs to…". */
export interface ClientChoice {
  id: string;
  name: string;
  /** Unpaid invoices past their due date. */
  overdueCount: number;
}

export interface TodayWork {
  today: IsoDate;
  /** Invoices whose stage action is due, grouped by client, firmest stage first. */
  groups: { clientId: string; clientName: string; invoices: InvoicePolicyView[] }[];
  /** Overdue amounts by currency. */
  overdueTotals: { currency: string; cents: number; count: number }[];
  /** Invoices read on any page so far: 0 means "nothing seen yet", not "nothing overdue". */
  invoicesSeen: number;
}

export interface SyncStatusView {
  mode: 'local-only' | 'team';
  serverUrl?: string;
  team?: { id: string; name: string };
  person?: { id: string; name: string; role: string };
  pending: number;
  running: boolean;
  lastSyncAt?: string;
  lastError?: { code: string; message: string; at: string };
  nextRetryAt?: number;
  setAside: { status: 'rejected' | 'stale' | 'unreadable'; reason: string; at: string; summary: string }[];
}

/** What the person answered on the options page's welcome: working alone here, or with a team. */
export type WelcomeChoice = 'alone' | 'team';

export interface SettingsView {
  team: TeamSettings;
  language: Language;
  /** Unset until the person has chosen on the welcome (or reopened it). */
  welcome?: WelcomeChoice;
  /** Owners and leads change the team's settings; members read them. */
  canEditTeamSettings: boolean;
}

export interface SiteView {
  pattern: string;
  granted: boolean;
  registered: boolean;
}

export interface ClientPatch {
  emails?: string[];
  language?: Language;
  jurisdiction?: Jurisdiction;
  address?: string;
}

export interface DashboardAccess {
  /** `<server>/dashboard` */
  url: string;
  /** The bearer token the dashboard's sign-in page takes. Never sent to a content script. */
  token: string;
}

/**
 * A site taught in teach mode (one per host, shared by the team): where the rows are and each field
 * inside a row; without `rowSelector`, the fields of an invoice page (selectors from the document).
 */
export interface SiteMapping {
  host: string;
  rowSelector?: string;
  fields: {
    number: string;
    client: string;
    amount: string;
    dueDate: string;
    status?: string;
    amountDue?: string;
  };
}

/**
 * Messages the extension's pages and background send to the tabs where the invoicing overlay runs
 * (`browser.tabs.sendMessage`; content/invoicing/main.tsx listens).
 */
export const TAB_MESSAGES = {
  /** The popup's "Teach this site": start teach mode on the page. */
  startTeachMode: 'relance:startTeachMode',
  /** Sync brought teammates' changes: ask the badges' policy again. */
  refresh: 'relance:refresh',
  /** The popup asks what the overlay recognised on the page (counts only, see PageReport). */
  pageReport: 'relance:pageReport',
} as const;

/** The overlay's answer to `pageReport`: how many invoices it read and badged, and whether the site is taught. */
export interface PageReport {
  invoices: number;
  badges: number;
  taught: boolean;
}
/**
 * What a webmail adapter did not find in an open compose window of a known webmail page, so that
 * the person sees that Relance stopped working there. Tag and attribute names only: no page text,
 * no attribute values, no address.
 */
export interface WebmailHealthReport {
  webmail: 'gmail' | 'outlook';
  problems: ('recipients' | 'send')[];
  /** The compose window's outline, one element a line: `  div[class,role]`. */
  structure: string;
}

export interface WebmailHealthEntry extends WebmailHealthReport {
  /** `webmail:problems`: one entry per kind of breakage, counted. */
  id: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

export type TabMessage = { type: (typeof TAB_MESSAGES)[keyof typeof TAB_MESSAGES] };

type NoPayload = Record<never, never>;

/** Request payload and response of every message, by type. */
export interface MessageMap {
  observeInvoices: {
    request: { observations: InvoiceObservation[] };
    response: { invoices: InvoicePolicyView[] };
  };
  /** What the overlay needs before it starts on a page: the language and the site's taught mapping. */
  /**
   * What the overlay needs before it starts on a page: the language, the site's taught mapping, and
   * the configured server's origin (Relance's own pages are never read).
   */
  getOverlaySetup: {
    request: { host: string };
    response: { language: Language; mapping?: SiteMapping; serverOrigin?: string };
  };
  saveSiteMapping: { request: { mapping: SiteMapping }; response: { host: string } };
  getClientTimeline: {
    request: { clientId: string };
    /**
     * `invoices`: the client's open invoices (a promise or dispute may cover several);
     * `voided`: ids of withdrawn entries; `mine`: ids of the entries this person may correct.
     */
    response: {
      client?: Client;
      entries: TimelineEntry[];
      invoices: InvoicePolicyView[];
      voided: string[];
      mine: string[];
    };
  };
  /** Withdraws an entry of the timeline (its author only), and logs its correction when given. */
  voidActivity: {
    request: { activityId: string; reason?: string; replacement?: ActivityInput };
    response: { void: Activity; replacement?: Activity };
  };
  /** This person's own profile (name, role, phone, e-mail) that signs the reminders they send. */
  getProfile: { request: NoPayload; response: { profile: PersonProfile } };
  saveProfile: { request: { profile: PersonProfile }; response: { profile: PersonProfile } };
  addNote: { request: { clientId: string; invoiceId?: string; text: string }; response: { noteId: string } };
  updateNote: { request: { noteId: string; text: string }; response: { noteId: string } };
  logActivity: { request: { activity: ActivityInput }; response: { activity: Activity } };
  updateClient: { request: { clientId: string; patch: ClientPatch }; response: { client: Client } };
  prepareReminder: {
    /** `stage`: write it for this stage instead of the one due (the overlay's formal-notice letter). */
    request: { invoiceIds: string[]; language?: Language; stage?: StageId };
    response: { reminders: PreparedReminder[] };
  };
  findClientsByEmail: { request: { emails: string[] }; response: { clients: ClientSummary[] } };
  /** Clients by name (all when the query is empty), for "this address belongs to…". */
  searchClients: { request: { query: string }; response: { clients: ClientChoice[] } };
  /** Adds an address to a client's e-mails (set by hand in the webmail panel, learned from a sent reminder). */
  assignEmailToClient: { request: { clientId: string; email: string }; response: { client: Client } };
  getTodayWork: { request: NoPayload; response: TodayWork };
  getSyncStatus: { request: NoPayload; response: SyncStatusView };
  syncNow: { request: NoPayload; response: SyncStatusView };
  getSettings: { request: NoPayload; response: SettingsView };
  saveTeamSettings: { request: { settings: TeamSettings }; response: SettingsView };
  setLanguage: { request: { language: Language }; response: SettingsView };
  /** `null` reopens the welcome. */
  setWelcome: { request: { choice: WelcomeChoice | null }; response: SettingsView };
  listSites: { request: NoPayload; response: { sites: SiteView[] } };
  addSite: { request: { pattern: string }; response: { sites: SiteView[] } };
  removeSite: { request: { pattern: string }; response: { sites: SiteView[] } };
  setServerUrl: { request: { serverUrl: string }; response: SyncStatusView };
  createTeam: {
    request: { serverUrl: string; teamName: string; personName: string };
    response: SyncStatusView;
  };
  joinTeam: { request: { serverUrl: string; code: string; personName: string }; response: SyncStatusView };
  createInvite: { request: { role?: string }; response: { code: string; expiresAt: string } };
  /** The dashboard's address and this install's token to sign in there (owners and leads; extension pages only). */
  getDashboardAccess: { request: NoPayload; response: DashboardAccess };
  signOut: { request: { discardUnsent?: boolean }; response: SyncStatusView };
  /** A compose window the webmail adapter cannot read (no recipients field, no send button). */
  reportWebmailHealth: { request: { report: WebmailHealthReport }; response: { recorded: boolean } };
  getWebmailHealth: { request: NoPayload; response: { entries: WebmailHealthEntry[] } };
  clearWebmailHealth: { request: NoPayload; response: { entries: WebmailHealthEntry[] } };
  /** "Don't ask again for this address" under the webmail's "this address belongs to…". */
  dismissAddressPrompt: { request: { email: string }; response: { dismissed: string[] } };
  getDismissedAddresses: { request: NoPayload; response: { dismissed: string[] } };
}

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = { type: K } & MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];
export type AnyRequest = { [K in MessageType]: RequestOf<K> }[MessageType];

/**
 * Messages only the extension's own pages may send (options, popup): they touch the account,
 * the team's settings or the sites. A content script runs inside someone else's page.
 */
export const PAGE_ONLY_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'getSettings',
  'saveTeamSettings',
  'setLanguage',
  'setWelcome',
  'listSites',
  'addSite',
  'removeSite',
  'setServerUrl',
  'createTeam',
  'joinTeam',
  'createInvite',
  'getDashboardAccess',
  'signOut',
  'saveProfile',
  'getWebmailHealth',
  'clearWebmailHealth',
]);

/** What travels back: the value, or an error a UI can translate (`code`) and show (`message`). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How a page or content script talks to the background: `sendMessage` in the extension, a fake in tests. */
export type Send = <R extends AnyRequest>(request: R) => Promise<ResponseOf<R['type']>>;

/** Sends a request to the background and returns its typed answer; throws MessageError on failure. */
export async function sendMessage<R extends AnyRequest>(request: R): Promise<ResponseOf<R['type']>> {
  const envelope = (await browser.runtime.sendMessage(request)) as
    | Envelope<ResponseOf<R['type']>>
    | undefined;
  if (!envelope) throw new MessageError('no-answer', 'the background did not answer');
  if (!envelope.ok) throw new MessageError(envelope.error.code, envelope.error.message);
  return envelope.value;
}
