import { formatHlc, type IsoDate, uuidv7 } from '@relance/shared';
import { expect } from 'vitest';
import { type App, createApp } from '../../app';
import { type Database, openDatabase } from '../../db/open';
import type { Membership } from '../../services/identity';
import { createInvite, type InviteRole, joinTeam } from '../../services/invites';
import { createTeam } from '../../services/teams';
import { SESSION_COOKIE } from '../http/session';

/**
 * The dashboard's tests: one in-memory PGlite per file (or DATABASE_URL's PostgreSQL), the app with a fixed clock (so "today" is
 * known), teams made through the services, data pushed through the sync API as the extension does.
 */
export interface DashboardHarness {
  db: Database;
  app: App;
  today: IsoDate;
  close(): Promise<void>;
  team(name: string, ownerName?: string): Promise<Membership>;
  join(owner: Membership, personName: string, role?: InviteRole): Promise<Membership>;
  /** Pushes changes with this token and expects every one accepted. */
  push(token: string, changes: unknown[]): Promise<void>;
  /** A dashboard request signed in with this token (the session cookie), or anonymous. */
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
}

export async function openHarness(today: IsoDate): Promise<DashboardHarness> {
  const now = new Date(`${today}T10:00:00.000Z`);
  // PostgreSQL too when DATABASE_URL is set (as the server's other suites do); each test makes its own teams.
  const url = process.env.DATABASE_URL;
  const opened = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' });
  const app = createApp({ db: opened.db, now: () => now });
  let clock = now.getTime() - 60_000;
  const nextHlc = () => formatHlc({ ms: ++clock, counter: 0, node: 'dashboard-test' });
  return {
    db: opened.db,
    app,
    today,
    close: () => opened.close(),
    team: (name, ownerName = 'Olivia Owner') =>
      createTeam(opened.db, { teamName: name, personName: ownerName }),
    async join(owner, personName, role = 'member') {
      const { code } = await createInvite(opened.db, { teamId: owner.team.id, role, now });
      return joinTeam(opened.db, { code, personName, now });
    },
    async push(token, changes) {
      const stamped = changes.map((c) =>
        (c as { kind: string }).kind === 'document' ? { hlc: nextHlc(), ...(c as object) } : c,
      );
      const res = await app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ changes: stamped }),
      });
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { status: string; reason?: string }[] };
      expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
    },
    async get(path, token, headers = {}) {
      return app.request(path, {
        headers: { ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}), ...headers },
      });
    },
  };
}

/** Change builders with fresh ids; the harness stamps document clocks. */
export const change = {
  client(id: string, name: string, extra: Record<string, unknown> = {}) {
    return { kind: 'document', docType: 'client', id, data: { id, name, ...extra } };
  },
  invoice(data: {
    id?: string;
    number: string;
    clientId?: string;
    clientName: string;
    amountDueCents: number;
    dueDate: IsoDate;
    currency?: string;
    totalCents?: number;
    issueDate?: IsoDate;
    status?: string;
    url?: string;
  }) {
    const id = data.id ?? uuidv7();
    return { kind: 'document', docType: 'invoice', id, data: { currency: 'EUR', ...data, id } };
  },
  note(clientId: string, text: string) {
    const id = uuidv7();
    return { kind: 'document', docType: 'note', id, data: { id, clientId, text } };
  },
  activity(
    type: string,
    clientId: string,
    invoiceIds: string[],
    date: IsoDate,
    fields: Record<string, unknown> = {},
  ) {
    return {
      kind: 'activity',
      activity: { id: uuidv7(), type, clientId, invoiceIds, date, at: `${date}T09:00:00.000Z`, ...fields },
    };
  },
};
