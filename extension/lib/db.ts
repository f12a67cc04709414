import type {
  Activity,
  Change,
  Client,
  Invoice,
  Language,
  MergeRecord,
  Note,
  SiteMappingRecord,
  TeamSettings,
} from '@relance/shared';
import Dexie, { type Table } from 'dexie';
import type { PersonProfile, SiteMapping, WebmailHealthEntry, WelcomeChoice } from './messages';

/**
 * The extension's local database (IndexedDB through Dexie). It lives in the background and the
 * extension's own pages only: a content script opening IndexedDB would get the host page's origin.
 *
 * Documents (invoices, clients, notes, team settings) are stored flat with their sync metadata;
 * `zod` strips the metadata again when a change is built from a row.
 */

/** Sync metadata carried by every mutable document. */
export interface DocMeta {
  /** Hybrid logical clock of the last write; the newest write wins. */
  hlc: string;
  /** A tombstone keeps its clock so that an older write cannot bring the document back. */
  deleted: boolean;
}

export type InvoiceRow = Invoice & DocMeta;
/** `nameKey` is the normalised client name, used to find a client from a page's text. */
export type ClientRow = Client & DocMeta & { nameKey: string };
export type NoteRow = Note & DocMeta & { createdAt: string; updatedAt: string };
export type ActivityRow = Activity;
/** A client or invoice merged into another (synced; see shared/schemas/corrections.ts). */
export type MergeRow = MergeRecord & DocMeta;
/** A site taught in teach mode, shared by the team (synced). */
export type SiteMappingRow = SiteMappingRecord & DocMeta;

/** One change waiting to be pushed. `key` identifies what it changes; a newer write replaces it. */
export interface OutboxRow {
  seq?: number;
  key: string;
  change: Change;
  queuedAt: string;
}

/** Changes the server refused (rejected) or that lost to a newer write but hold typed text (stale notes). */
export interface SetAsideRow {
  seq?: number;
  change: Change;
  status: 'rejected' | 'stale' | 'unreadable';
  reason: string;
  at: string;
}

export interface Account {
  serverUrl: string;
  token: string;
  team: { id: string; name: string };
  person: { id: string; name: string; role: string };
}

/** Sync configuration and progress, one row per key. Nothing here is ever sent to a content script. */
export interface SyncStateValues {
  /** Server address typed in the options page; kept after sign-out. */
  server: { url: string };
  account: Account;
  progress: SyncProgress;
  lock: { owner: string; until: number };
  clock: { nodeId: string; last: string };
}

export interface SyncProgress {
  cursor: number;
  lastSyncAt?: string;
  lastAttemptAt?: string;
  lastError?: SyncError;
  /** Consecutive failed runs, for the backoff between automatic runs. */
  failures: number;
  nextRetryAt?: number;
}

export type SyncErrorCode =
  | 'offline'
  | 'server'
  | 'unauthorized'
  | 'rejected-batch'
  /** The server speaks a newer sync protocol: this extension needs an update. */
  | 'extension-outdated'
  /** The server speaks an older sync protocol: the server needs an update. */
  | 'server-outdated'
  | 'unknown';
export interface SyncError {
  code: SyncErrorCode;
  message: string;
  at: string;
}

export interface Site {
  /** Match pattern, e.g. `https://app.example.com/*`. */
  pattern: string;
  addedAt: string;
}

export interface SettingsValues {
  /** The team's settings document (synced; id = team id on the server). */
  team: { hlc: string; data: TeamSettings };
  /** This install's own preferences (not synced). */
  preferences: { language: Language; welcome?: WelcomeChoice };
  sites: { sites: Site[] };
  /** Teach-mode mappings by host, as kept before they were synced (read once by the repair, see repo/repair.ts). */
  siteMappings: { byHost: Record<string, SiteMapping> };
  /** Which one-time repairs of stored records this install has run. */
  repairs: { readings?: number };
  /** This person's own details for the signature of the reminders they send (not synced). */
  profile: PersonProfile;
  /** Addresses for which the webmail's "this address belongs to…" line was dismissed (not synced). */
  addressPrompts: { dismissed: string[] };
}

export type KeyedRow<M, K extends keyof M = keyof M> = K extends keyof M ? { key: K; value: M[K] } : never;

export class RelanceDb extends Dexie {
  invoices!: Table<InvoiceRow, string>;
  clients!: Table<ClientRow, string>;
  activities!: Table<ActivityRow, string>;
  notes!: Table<NoteRow, string>;
  outbox!: Table<OutboxRow, number>;
  setAside!: Table<SetAsideRow, number>;
  syncState!: Table<KeyedRow<SyncStateValues>, keyof SyncStateValues>;
  settings!: Table<KeyedRow<SettingsValues>, keyof SettingsValues>;
  merges!: Table<MergeRow, string>;
  siteMappings!: Table<SiteMappingRow, string>;
  health!: Table<WebmailHealthEntry, string>;

  constructor(name = 'relance') {
    super(name);
    // Add a new version() for every schema change; never edit a released one.
    this.version(1).stores({
      invoices: 'id, [host+number], clientId, dueDate, status',
      clients: 'id, name, nameKey, *emails',
      activities: 'id, clientId, [clientId+date], *invoiceIds, date, type',
      notes: 'id, clientId, invoiceId',
      outbox: '++seq, key',
      setAside: '++seq, status',
      syncState: 'key',
      settings: 'key',
    });
    // Issue 11: merges of wrong clients/invoices and the team's taught sites, both synced. The
    // repair of records stored with polluted numbers or names needs WebCrypto ids, which cannot be
    // awaited in an upgrade transaction: it runs once after opening (repo/repair.ts).
    this.version(30).stores({ merges: 'id, into', siteMappings: 'id, host' });
    // Issue 13: what the webmail adapters no longer recognise (kept on this install, never synced).
    this.version(31).stores({ health: 'id, webmail, lastAt' });
  }

  async getState<K extends keyof SyncStateValues>(key: K): Promise<SyncStateValues[K] | undefined> {
    const row = await this.syncState.get(key);
    return row?.value as SyncStateValues[K] | undefined;
  }

  async setState<K extends keyof SyncStateValues>(key: K, value: SyncStateValues[K]): Promise<void> {
    await this.syncState.put({ key, value } as KeyedRow<SyncStateValues>);
  }

  async getSetting<K extends keyof SettingsValues>(key: K): Promise<SettingsValues[K] | undefined> {
    const row = await this.settings.get(key);
    return row?.value as SettingsValues[K] | undefined;
  }

  async setSetting<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): Promise<void> {
    await this.settings.put({ key, value } as KeyedRow<SettingsValues>);
  }
}

let shared: RelanceDb | undefined;

/** The database of this install (background and extension pages). Tests make their own instances. */
export function getDb(): RelanceDb {
  shared ??= new RelanceDb();
  return shared;
}
