import type { Account, RelanceDb } from '../db';
import type { DashboardAccess } from '../messages';
import { UserError } from '../userError';
import { ApiClient, type FetchLike, HttpError, NetworkError, type TeamSession } from './api';
import { initialProgress } from './pull';

/**
 * Signing in (create a team, join one with an invite code) and out. The token stays in the
 * background's database; no message ever hands it to a content script.
 */
export interface AccountDeps {
  db: RelanceDb;
  fetch: FetchLike;
}

/** `https://relance.example.com/` → `https://relance.example.com`; refuses anything but http(s). */
export function normaliseServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UserError('invalid-server-url', `"${input}" is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError('invalid-server-url', `"${input}" is not an http(s) address`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function setServerUrl(db: RelanceDb, input: string): Promise<string> {
  const url = input.trim() === '' ? '' : normaliseServerUrl(input);
  await db.setState('server', { url });
  return url;
}

export async function createTeam(
  deps: AccountDeps,
  input: { serverUrl: string; teamName: string; personName: string },
): Promise<Account> {
  const serverUrl = await prepare(deps.db, input.serverUrl);
  const session = await call(() =>
    new ApiClient(serverUrl, deps.fetch).createTeam(input.teamName, input.personName),
  );
  return signIn(deps.db, serverUrl, session);
}

export async function joinTeam(
  deps: AccountDeps,
  input: { serverUrl: string; code: string; personName: string },
): Promise<Account> {
  const serverUrl = await prepare(deps.db, input.serverUrl);
  const session = await call(() =>
    new ApiClient(serverUrl, deps.fetch).join(input.code.trim(), input.personName),
  );
  return signIn(deps.db, serverUrl, session);
}

/**
 * Signs in with a token issued elsewhere (the server's CLI, or a test's `startTestServer`): the
 * server says whose it is.
 */
export async function signInWithToken(deps: AccountDeps, input: { serverUrl: string; token: string }) {
  const serverUrl = await prepare(deps.db, input.serverUrl);
  const who = await call(() => new ApiClient(serverUrl, deps.fetch, input.token).me());
  return signIn(deps.db, serverUrl, { ...who, token: input.token });
}

export async function createInvite(deps: AccountDeps, role?: string) {
  const account = await requireAccount(deps.db);
  return call(() => new ApiClient(account.serverUrl, deps.fetch, account.token).createInvite(role));
}

/**
 * Signs out: the token is revoked (when the server can be reached) and the team's data leaves this
 * machine, so that a next team never receives it. Changes not yet sent would be lost: refused
 * unless the person said so.
 */
export async function signOut(deps: AccountDeps, options: { discardUnsent?: boolean } = {}): Promise<void> {
  const { db } = deps;
  const account = await requireAccount(db);
  const unsent = await db.outbox.count();
  if (unsent > 0 && !options.discardUnsent) {
    throw new UserError('unsent-changes', `${unsent} change(s) have not reached the server yet`);
  }
  try {
    await new ApiClient(account.serverUrl, deps.fetch, account.token).revokeToken();
  } catch {
    // Offline or already revoked: the token is forgotten here either way.
  }
  await db.transaction(
    'rw',
    [db.invoices, db.clients, db.activities, db.notes, db.outbox, db.setAside, db.syncState, db.settings],
    async () => {
      await Promise.all([
        db.invoices.clear(),
        db.clients.clear(),
        db.activities.clear(),
        db.notes.clear(),
        db.outbox.clear(),
        db.setAside.clear(),
        db.syncState.delete('account'),
        db.syncState.delete('progress'),
        db.settings.delete('team'),
      ]);
    },
  );
}

async function prepare(db: RelanceDb, serverUrl: string): Promise<string> {
  if (await db.getState('account')) throw new UserError('already-signed-in', 'sign out first');
  return setServerUrl(db, serverUrl).then((url) => {
    if (!url) throw new UserError('invalid-server-url', 'no server address');
    return url;
  });
}

/**
 * A new team starts from its first change; what this install wrote alone so far is pushed to it.
 * Team settings are the owners' and leads' to change: a member adopts the team's, so settings
 * edited here before joining are dropped rather than refused by the server.
 */
async function signIn(db: RelanceDb, serverUrl: string, session: TeamSession): Promise<Account> {
  const account: Account = { serverUrl, token: session.token, team: session.team, person: session.person };
  await db.transaction('rw', db.syncState, db.outbox, db.settings, async () => {
    await db.setState('account', account);
    await db.setState('progress', initialProgress());
    if (!canEditTeamSettings(account.person.role)) {
      await db.outbox.where('key').startsWith('settings:').delete();
      await db.settings.delete('team');
    }
  });
  return account;
}

/**
 * What the options page needs to sign its owner or lead into the team's dashboard: its address and
 * the token. Only the extension's own pages may ask (see PAGE_ONLY_MESSAGES); members are refused,
 * as the dashboard itself would refuse them.
 */
export async function dashboardAccess(db: RelanceDb): Promise<DashboardAccess> {
  const account = await requireAccount(db);
  if (!isLead(account.person.role)) {
    throw new UserError('dashboard-not-allowed', 'the dashboard is for the team owners and leads');
  }
  return { url: dashboardUrl(account.serverUrl), token: account.token };
}

export function dashboardUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/dashboard`;
}

/** Owners and leads read the dashboard and change team settings. */
export function isLead(role: string | undefined): boolean {
  return role === 'owner' || role === 'lead';
}

/** The server lets owners and leads change team settings (members read them). */
export function canEditTeamSettings(role: string | undefined): boolean {
  return role === undefined || isLead(role);
}

async function requireAccount(db: RelanceDb): Promise<Account> {
  const account = await db.getState('account');
  if (!account) throw new UserError('not-signed-in', 'no team on this install');
  return account;
}

/** Turns transport failures into errors the options page can explain. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NetworkError) throw new UserError('server-unreachable', error.message);
    if (error instanceof HttpError) {
      if (error.code === 'invalid_invite') throw new UserError('invalid-invite', error.message);
      if (error.status === 401 || error.status === 403) throw new UserError('unauthorized', error.message);
      throw new UserError('server-refused', error.message);
    }
    throw new UserError('server-refused', error instanceof Error ? error.message : String(error));
  }
}
