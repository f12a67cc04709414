import { formatHlc, SYNC_SCHEMA_VERSION, uuidv7 } from '@relance/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb, repoContext, testClock } from '../../test/helpers';
import { logActivity } from '../repo/activities';
import type { FetchLike } from '../sync/api';
import { SyncEngine } from '../sync/engine';
import { refreshOverlayTabs } from './tabs';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Three open tabs; only the first two run a content script that receives messages. */
async function openTabs() {
  await fakeBrowser.windows.create({ focused: true });
  const invoicing = await fakeBrowser.tabs.create({ url: 'http://localhost:8080/factures' });
  const other = await fakeBrowser.tabs.create({ url: 'https://factures.example.com/liste' });
  const blank = await fakeBrowser.tabs.create({ url: 'chrome://newtab/' });
  const receivers = new Set([invoicing.id, other.id]);
  // The fake browser starts with a tab of its own: every tab there is, whatever it shows.
  const all = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
    if (!receivers.has(tabId))
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return undefined;
  }) as typeof fakeBrowser.tabs.sendMessage);
  return { sendMessage, invoicing, other, blank, all };
}

/**
 * A server that answers pulls from a list of changes (pages of `limit`) and accepts every push.
 * Pushed changes come back with later pulls, as the real server's do.
 */
function fakeServer(person: { id: string; name: string }) {
  const changes: Record<string, unknown>[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    if (url.pathname === '/api/v1/sync/pull') {
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const page = changes.filter((c) => (c.version as number) > since).slice(0, limit);
      const cursor = page.length ? (page.at(-1)!.version as number) : since;
      return Response.json({
        schemaVersion: SYNC_SCHEMA_VERSION,
        changes: page,
        cursor,
        hasMore: changes.some((c) => (c.version as number) > cursor),
      });
    }
    if (url.pathname === '/api/v1/sync/push') {
      const pushed = JSON.parse(String(init?.body)).changes as { kind: string; activity?: { id: string } }[];
      const results = pushed.map((change) => {
        // The server records the author from the token.
        changes.push({
          ...change,
          version: changes.length + 1,
          authorId: person.id,
          authorName: person.name,
        });
        return { id: change.activity!.id, status: 'accepted' };
      });
      return Response.json({ schemaVersion: SYNC_SCHEMA_VERSION, results });
    }
    return new Response('not found', { status: 404 });
  };
  /** A teammate's reminder, stored on the server. */
  const teammateReminder = (clientId: string) =>
    changes.push({
      kind: 'activity',
      activity: {
        id: uuidv7(),
        type: 'reminder',
        clientId,
        invoiceIds: [],
        date: '2026-03-12',
        at: '2026-03-12T09:00:00.000Z',
        channel: 'email',
        stage: 'reminder-1',
      },
      version: changes.length + 1,
      authorId: crypto.randomUUID(),
      authorName: 'Bob',
    });
  const teammateClientEdit = (id: string, hlcMs: number) =>
    changes.push({
      kind: 'document',
      docType: 'client',
      id,
      hlc: formatHlc({ ms: hlcMs, counter: 0, node: 'bob' }),
      deleted: false,
      data: { id, name: 'ACME SARL', emails: ['compta@acme.fr'] },
      version: changes.length + 1,
    });
  return { fetch, changes, teammateReminder, teammateClientEdit };
}

const ALICE = { id: crypto.randomUUID(), name: 'Alice', role: 'owner' };

async function signedInInstall(server: ReturnType<typeof fakeServer>) {
  const db = freshDb();
  const clock = testClock();
  await db.setState('account', {
    serverUrl: 'https://relance.example.com',
    token: 'tok_0123456789',
    team: { id: crypto.randomUUID(), name: 'Atelier' },
    person: ALICE,
  });
  const engine = new SyncEngine({
    db,
    fetch: server.fetch,
    now: clock.now,
    onPulledChanges: async () => {
      await refreshOverlayTabs(fakeBrowser.tabs);
    },
  });
  return { db, ctx: repoContext(db, clock), engine };
}

describe('refreshing the open overlays', () => {
  it('asks every open tab, and takes a tab without a receiver in its stride', async () => {
    const { sendMessage, invoicing, other, blank, all } = await openTabs();
    expect(all).toEqual(expect.arrayContaining([invoicing.id, other.id, blank.id]));
    expect(await refreshOverlayTabs(fakeBrowser.tabs)).toBe(2);
    expect(sendMessage.mock.calls.map(([id]) => id).sort()).toEqual([...all].sort());
    for (const call of sendMessage.mock.calls) expect(call[1]).toEqual({ type: 'relance:refresh' });
  });

  it("after a pull that brought a teammate's changes, and only then", async () => {
    const { sendMessage, all } = await openTabs();
    const server = fakeServer(ALICE);
    const alice = await signedInInstall(server);
    const clientId = crypto.randomUUID();

    // Nothing on the server yet: nothing to show.
    expect(await alice.engine.run('manual')).toMatchObject({ status: 'ok', pull: { changed: 0 } });
    expect(sendMessage).not.toHaveBeenCalled();

    // A teammate's reminder arrives: the open tabs are told.
    server.teammateReminder(clientId);
    expect(await alice.engine.run('alarm')).toMatchObject({ status: 'ok', pull: { applied: 1, changed: 1 } });
    expect(sendMessage).toHaveBeenCalledTimes(all.length);

    // Our own activity goes up and comes back with the pull: nothing new to show.
    sendMessage.mockClear();
    await logActivity(alice.ctx, { type: 'comment', clientId, invoiceIds: [], text: 'rappelé' });
    expect(await alice.engine.run('write')).toMatchObject({
      status: 'ok',
      push: { accepted: 1 },
      pull: { applied: 1, changed: 0 },
    });
    expect(sendMessage).not.toHaveBeenCalled();

    // A document edit that loses to what we hold is no news either; a newer one is.
    const clientHlc = Date.UTC(2026, 2, 12, 10);
    await alice.db.clients.put({
      id: clientId,
      name: 'ACME SARL',
      emails: [],
      nameKey: 'acme sarl',
      hlc: formatHlc({ ms: clientHlc, counter: 0, node: 'alice' }),
      deleted: false,
    });
    server.teammateClientEdit(clientId, clientHlc - 1_000);
    expect(await alice.engine.run('alarm')).toMatchObject({ pull: { applied: 1, changed: 0 } });
    expect(sendMessage).not.toHaveBeenCalled();
    server.teammateClientEdit(clientId, clientHlc + 1_000);
    expect(await alice.engine.run('alarm')).toMatchObject({ pull: { applied: 1, changed: 1 } });
    expect(sendMessage).toHaveBeenCalledTimes(all.length);
    expect((await alice.db.clients.get(clientId))!.emails).toEqual(['compta@acme.fr']);
  });
});
