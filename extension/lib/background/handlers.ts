import type { Language } from '@relance/shared';
import { todayLocal } from '@relance/shared';
import type { RelanceDb } from '../db';
import type { WelcomeChoice } from '../messages';
import { logActivity } from '../repo/activities';
import { updateClient } from '../repo/clients';
import { recordObservations } from '../repo/invoices';
import { addNote, updateNote } from '../repo/notes';
import { getTeamSettings, saveTeamSettings } from '../repo/teamSettings';
import {
  canEditTeamSettings,
  createInvite,
  createTeam,
  dashboardAccess,
  joinTeam,
  setServerUrl,
  signOut,
} from '../sync/account';
import type { FetchLike } from '../sync/api';
import type { SyncEngine } from '../sync/engine';
import { syncStatus } from '../sync/status';
import { UserError } from '../userError';
import type { Handlers } from './router';
import { dismissAddressPrompt, dismissedAddresses } from './services/addressPrompts';
import { assignEmailToClient, searchClients } from './services/clientChoices';
import { clientSchemaData } from './services/clientData';
import { findClientsByEmail } from './services/clients';
import { clearHealth, listHealth, recordHealth } from './services/health';
import { markOwnReminders } from './services/ownReminders';
import { evaluateInvoices } from './services/policy';
import { getProfile, saveProfile, signerOf } from './services/profile';
import { prepareReminders } from './services/reminders';
import { clientTimeline } from './services/timeline';
import { todayWork } from './services/today';
import { voidActivity } from './services/voids';
import { saveSiteMapping, siteMappingFor } from './siteMappings';
import { addSite, listSites, removeSite, type SiteApis } from './sites';

export interface BackgroundDeps {
  db: RelanceDb;
  engine: SyncEngine;
  fetch: FetchLike;
  now: () => Date;
  sites: SiteApis;
  /** Asks for a sync soon (after a local write); the alarm catches up if the worker stops first. */
  requestSync: () => void;
}

/** Every message the background answers (see lib/messages.ts for the contract). */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, now } = deps;
  const ctx = { db, now };
  const today = () => todayLocal(now());
  const account = { db, fetch: deps.fetch };
  const settingsView = async () => ({
    team: await getTeamSettings(db),
    language: await uiLanguage(db),
    ...(await welcomeChoice(db)),
    canEditTeamSettings: canEditTeamSettings((await db.getState('account'))?.person.role),
  });
  const statusView = () => syncStatus(db, now().getTime());
  const afterWrite = async () => {
    if ((await db.outbox.count()) > 0) deps.requestSync();
  };

  return {
    async observeInvoices({ observations }) {
      if (!Array.isArray(observations) || observations.length > 500) {
        throw new UserError('invalid-observation', 'expected up to 500 observations');
      }
      const recorded = await recordObservations(ctx, observations);
      await afterWrite();
      const evaluated = await evaluateInvoices(
        db,
        recorded.map((r) => r.invoice),
        await getTeamSettings(db),
        today(),
      );
      return { invoices: evaluated.map((e) => e.view) };
    },

    async getOverlaySetup({ host }) {
      const mapping = await siteMappingFor(db, String(host));
      const serverOrigin = await configuredServerOrigin(db);
      return {
        language: await uiLanguage(db),
        ...(mapping ? { mapping } : {}),
        ...(serverOrigin ? { serverOrigin } : {}),
      };
    },

    async saveSiteMapping({ mapping }) {
      const saved = await saveSiteMapping(ctx, mapping);
      await afterWrite();
      return { host: saved.host };
    },

    getClientTimeline: async ({ clientId }) =>
      clientTimeline(db, clientId, await getTeamSettings(db), today()),

    async voidActivity(request) {
      const result = await voidActivity(ctx, request);
      await afterWrite();
      return result;
    },

    getProfile: async () => ({ profile: await getProfile(db) }),
    saveProfile: async ({ profile }) => ({ profile: await saveProfile(db, profile) }),

    async addNote({ clientId, invoiceId, text }) {
      const note = await addNote(ctx, { clientId, ...(invoiceId ? { invoiceId } : {}), text });
      await afterWrite();
      return { noteId: note.id };
    },

    async updateNote({ noteId, text }) {
      const note = await updateNote(ctx, noteId, text);
      await afterWrite();
      return { noteId: note.id };
    },

    async logActivity({ activity }) {
      const logged = await logActivity(ctx, activity);
      await afterWrite();
      return { activity: logged };
    },

    async updateClient({ clientId, patch }) {
      const client = await updateClient(ctx, clientId, patch);
      await afterWrite();
      return { client: clientSchemaData(client) };
    },

    async prepareReminder({ invoiceIds, language, stage }) {
      if (!Array.isArray(invoiceIds)) throw new UserError('invalid-invoice', 'expected invoice ids');
      const settings = await getTeamSettings(db);
      return {
        reminders: await prepareReminders(db, {
          invoiceIds,
          settings,
          today: today(),
          signer: await signerOf(db, settings.senderName),
          ...(language === 'fr' || language === 'en' ? { language } : {}),
          ...(stage ? { forcedStage: stage } : {}),
        }),
      };
    },

    async findClientsByEmail({ emails }) {
      const clients = await findClientsByEmail(db, emails, await getTeamSettings(db), today());
      return { clients: markOwnReminders(clients, (await db.getState('account'))?.person.id) };
    },

    searchClients: async ({ query }) => ({
      clients: await searchClients(db, query, await getTeamSettings(db), today()),
    }),

    async assignEmailToClient({ clientId, email }) {
      const client = await assignEmailToClient(ctx, clientId, email);
      await afterWrite();
      return { client: clientSchemaData(client) };
    },

    getTodayWork: async () => todayWork(db, await getTeamSettings(db), today()),

    getSyncStatus: statusView,

    async reportWebmailHealth({ report }) {
      await recordHealth(db, report, now());
      return { recorded: true };
    },
    getWebmailHealth: async () => ({ entries: await listHealth(db) }),
    async clearWebmailHealth() {
      await clearHealth(db);
      return { entries: [] };
    },
    dismissAddressPrompt: async ({ email }) => ({ dismissed: await dismissAddressPrompt(db, email) }),
    getDismissedAddresses: async () => ({ dismissed: await dismissedAddresses(db) }),

    async syncNow() {
      await deps.engine.run('manual');
      return statusView();
    },

    getSettings: settingsView,

    async saveTeamSettings({ settings }) {
      await saveTeamSettings(ctx, settings);
      await afterWrite();
      return settingsView();
    },

    async setLanguage({ language }) {
      if (language !== 'fr' && language !== 'en') throw new UserError('invalid-language', String(language));
      await db.setSetting('preferences', { ...(await db.getSetting('preferences')), language });
      return settingsView();
    },

    async setWelcome({ choice }) {
      if (choice !== null && choice !== 'alone' && choice !== 'team')
        throw new UserError('invalid-welcome', String(choice));
      const { welcome: _previous, ...preferences } = (await db.getSetting('preferences')) ?? {
        language: await uiLanguage(db),
      };
      await db.setSetting('preferences', choice ? { ...preferences, welcome: choice } : preferences);
      return settingsView();
    },

    listSites: async () => ({ sites: await listSites(db, deps.sites) }),
    addSite: async ({ pattern }) => ({ sites: await addSite(db, deps.sites, pattern, now()) }),
    removeSite: async ({ pattern }) => ({ sites: await removeSite(db, deps.sites, pattern) }),

    async setServerUrl({ serverUrl }) {
      if (await db.getState('account')) throw new UserError('already-signed-in', 'sign out first');
      await setServerUrl(db, serverUrl);
      return statusView();
    },

    async createTeam(input) {
      await createTeam(account, input);
      deps.requestSync();
      return statusView();
    },

    async joinTeam(input) {
      await joinTeam(account, input);
      deps.requestSync();
      return statusView();
    },

    createInvite: ({ role }) => createInvite(account, role),

    getDashboardAccess: () => dashboardAccess(db),

    async signOut({ discardUnsent }) {
      await signOut(account, { discardUnsent });
      return statusView();
    },
  };
}

/** The origin of the server this install talks to (signed in, or only typed in): never read as a site. */
async function configuredServerOrigin(db: RelanceDb): Promise<string | undefined> {
  const url = (await db.getState('account'))?.serverUrl ?? (await db.getState('server'))?.url;
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The welcome's answer, when given (not synced: it is about this browser). */
async function welcomeChoice(db: RelanceDb): Promise<{ welcome?: WelcomeChoice }> {
  const welcome = (await db.getSetting('preferences'))?.welcome;
  return welcome ? { welcome } : {};
}

/** The language of this install's screens (not synced): French unless chosen otherwise. */
export async function uiLanguage(db: RelanceDb): Promise<Language> {
  return (await db.getSetting('preferences'))?.language ?? 'fr';
}
