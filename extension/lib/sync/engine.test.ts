import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@relance/server/testing';
import { SYNC_SCHEMA_VERSION } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Install, makeInstall, SERVER } from '../../test/installs';
import { uiTranslator } from '../i18n/words';
import { logActivity } from '../repo/activities';
import { recordObservations } from '../repo/invoices';
import { addNote, updateNote } from '../repo/notes';
import { getTeamSettings, saveTeamSettings } from '../repo/teamSettings';
import { syncStatusLines } from '../ui/syncStatusText';
import { createInvite, createTeam, joinTeam, signInWithToken, signOut } from './account';
import { ApiClient, type FetchLike } from './api';
import { SyncEngine } from './engine';
import { LOCK_LEASE_MS } from './lock';
import { syncStatus } from './status';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const observation = {
  number: 'F-001',
  clientName: 'ACME SARL',
  amountDueCents: 50_000,
  currency: 'EUR',
  dueDate: '2026-01-15',
  host: 'factures.example.com',
  url: 'https://factures.example.com/f/1',
};

/** A signed-in owner install and a teammate who joined with an invite. */
async function team(target = server.url): Promise<{ alice: Install; bob: Install }> {
  const alice = makeInstall(target);
  await createTeam(
    { db: alice.db, fetch: alice.network.fetch },
    { serverUrl: SERVER, teamName: 'Atelier', personName: 'Alice' },
  );
  const { code } = await createInvite({ db: alice.db, fetch: alice.network.fetch });
  const bob = makeInstall(target);
  await joinTeam({ db: bob.db, fetch: bob.network.fetch }, { serverUrl: SERVER, code, personName: 'Bob' });
  return { alice, bob };
}

async function clientOf(install: Install) {
  const [recorded] = await recordObservations(install.ctx, [observation]);
  return recorded!.client.id;
}

async function comment(install: Install, clientId: string, text: string) {
  return logActivity(install.ctx, { type: 'comment', clientId, invoiceIds: [], text });
}

/** Every activity id the server holds for the install's team, as the server answers a full pull. */
async function serverActivityIds(install: Install): Promise<string[]> {
  const account = (await install.db.getState('account'))!;
  const api = new ApiClient(server.url, fetch, account.token);
  const ids: string[] = [];
  let since = 0;
  for (;;) {
    const page = await api.pull(since, 1000);
    for (const c of page.changes as { kind: string; activity?: { id: string } }[]) {
      if (c.kind === 'activity') ids.push(c.activity!.id);
    }
    since = page.cursor;
    if (!page.hasMore) return ids;
  }
}

describe('sync engine against a real server', () => {
  it('local-only mode: no server, writes stay local and wait in the outbox', async () => {
    const solo = makeInstall(server.url);
    const clientId = await clientOf(solo);
    await comment(solo, clientId, 'written offline, alone');
    await saveTeamSettings(solo.ctx, { ...(await getTeamSettings(solo.db)), companyName: 'Solo SARL' });
    expect(await solo.engine.run('write')).toEqual({ status: 'local-only' });
    expect(solo.network.log).toEqual([]);
    expect(await solo.db.outbox.count()).toBe(4);
    expect((await syncStatus(solo.db)).mode).toBe('local-only');

    // Joining a team later sends what was written alone.
    const { alice } = await team();
    const { code } = await createInvite({ db: alice.db, fetch: alice.network.fetch });
    await joinTeam(
      { db: solo.db, fetch: solo.network.fetch },
      { serverUrl: SERVER, code, personName: 'Solo' },
    );
    expect(await solo.engine.run('manual')).toMatchObject({
      status: 'ok',
      push: { accepted: 3, rejected: 0 },
    });
    expect(await solo.db.outbox.count()).toBe(0);
    await alice.engine.run('manual');
    expect((await alice.db.activities.toArray()).map((a) => a.type)).toEqual(['comment']);
    // Solo joined as a member: the team's settings are the owner's, Solo's local ones were dropped.
    expect((await getTeamSettings(alice.db)).companyName).toBe('');
    expect((await getTeamSettings(solo.db)).companyName).toBe('');
    await expect(saveTeamSettings(solo.ctx, await getTeamSettings(solo.db))).rejects.toMatchObject({
      code: 'settings-not-allowed',
    });
  });

  it('a team founder brings the settings edited before the team existed', async () => {
    const founder = makeInstall(server.url);
    await saveTeamSettings(founder.ctx, {
      ...(await getTeamSettings(founder.db)),
      companyName: 'Fondatrice SAS',
    });
    await createTeam(
      { db: founder.db, fetch: founder.network.fetch },
      { serverUrl: SERVER, teamName: 'Fondée', personName: 'Fanny' },
    );
    expect(await founder.engine.run('manual')).toMatchObject({ status: 'ok', push: { accepted: 1 } });
    const { code } = await createInvite({ db: founder.db, fetch: founder.network.fetch });
    const member = makeInstall(server.url);
    await joinTeam(
      { db: member.db, fetch: member.network.fetch },
      { serverUrl: SERVER, code, personName: 'Max' },
    );
    await member.engine.run('manual');
    expect((await getTeamSettings(member.db)).companyName).toBe('Fondatrice SAS');
  });

  it('round-trips activities, documents and settings between two teammates with the author filled in', async () => {
    const { alice, bob } = await team();
    const clientId = await clientOf(alice);
    const activity = await logActivity(alice.ctx, {
      type: 'reminder',
      clientId,
      invoiceIds: [],
      stage: 'reminder-1',
      channel: 'email',
    });
    await addNote(alice.ctx, { clientId, text: 'Appeler la compta le mardi' });
    await saveTeamSettings(alice.ctx, { ...(await getTeamSettings(alice.db)), quietPeriodDays: 7 });
    expect(await alice.engine.run('write')).toMatchObject({
      status: 'ok',
      push: { accepted: 5, rejected: 0 },
    });

    expect(await bob.engine.run('alarm')).toMatchObject({ status: 'ok' });
    expect(await bob.db.activities.get(activity.id)).toMatchObject({ type: 'reminder', authorName: 'Alice' });
    expect((await bob.db.notes.toArray()).map((n) => n.text)).toEqual(['Appeler la compta le mardi']);
    expect((await bob.db.invoices.toArray()).map((i) => i.number)).toEqual(['F-001']);
    expect((await getTeamSettings(bob.db)).quietPeriodDays).toBe(7);
    expect(await syncStatus(bob.db)).toMatchObject({ mode: 'team', pending: 0, team: { name: 'Atelier' } });
    expect((await syncStatus(bob.db)).lastSyncAt).toBeDefined();
  });

  it('retries 500s within a run, then records the failure and backs off when they persist', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    await comment(alice, clientId, 'after two 500s');
    alice.network.inject(/sync\/push/, 'http-500', 2);
    expect(await alice.engine.run('write')).toMatchObject({ status: 'ok', push: { accepted: 3 } });
    expect(alice.network.log.filter((l) => l.includes('/sync/push'))).toHaveLength(3);

    await comment(alice, clientId, 'the server is down');
    alice.network.inject(/sync\/push/, 'http-500', 100);
    const failed = await alice.engine.run('write');
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'server' } });
    const status = await syncStatus(alice.db);
    expect(status).toMatchObject({ pending: 1, lastError: { code: 'server' } });
    expect(status.nextRetryAt).toBeGreaterThan(alice.clock.now().getTime());
    // Automatic runs wait for the backoff; a person asking to sync does not.
    expect(await alice.engine.run('alarm')).toMatchObject({ status: 'waiting' });
    alice.network.clear();
    expect(await alice.engine.run('manual')).toMatchObject({ status: 'ok', push: { accepted: 1 } });
    expect((await syncStatus(alice.db)).lastError).toBeUndefined();
  });

  it('says which side needs an update when the server speaks another protocol version, and keeps the outbox', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    await comment(alice, clientId, 'typed before the update');
    const pending = await alice.db.outbox.count();
    const t = uiTranslator('en');
    for (const [version, code, words] of [
      [0, 'extension-outdated', /update the extension/],
      [99, 'server-outdated', /ask its administrator to update it/],
    ] as const) {
      // The same requests as an extension speaking another version would send them.
      const speaking: FetchLike = (input, init) =>
        alice.network.fetch(input.replace(/schemaVersion=\d+/, `schemaVersion=${version}`), {
          ...init,
          body:
            typeof init?.body === 'string'
              ? init.body.replace(/"schemaVersion":\d+/, `"schemaVersion":${version}`)
              : init?.body,
        });
      const engine = new SyncEngine({
        db: alice.db,
        fetch: speaking,
        now: alice.clock.now,
        sleep: async () => {},
      });
      expect(await engine.run('manual')).toMatchObject({ status: 'failed', error: { code } });
      const lines = syncStatusLines(await syncStatus(alice.db), t).map((line) => line.text);
      expect(lines.join('\n')).toMatch(words);
      expect(await alice.db.outbox.count()).toBe(pending);
    }
    // The same install, speaking the server's version, delivers everything.
    expect(await alice.engine.run('manual')).toMatchObject({ status: 'ok', push: { accepted: pending } });
  });

  it('honours Retry-After on a 429: never tries again sooner than the server asked', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    await comment(alice, clientId, 'while the server is busy');
    const sleeps: number[] = [];
    let refusals = 0;
    const busy: FetchLike = async (input, init) => {
      if (input.includes('/sync/push') && refusals < 2) {
        refusals++;
        // The first time a wait short enough to sleep within the run, then one longer than a run.
        const wait = refusals === 1 ? '2' : '120';
        return new Response(
          JSON.stringify({ error: 'rate_limited', message: 'slow down', retryable: true }),
          {
            status: 429,
            headers: { 'Content-Type': 'application/json', 'Retry-After': wait },
          },
        );
      }
      return alice.network.fetch(input, init);
    };
    const engine = new SyncEngine({
      db: alice.db,
      fetch: busy,
      now: alice.clock.now,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
    });
    const failed = await engine.run('write');
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'server' } });
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(refusals).toBe(2);
    // The run gave up on the 120 s wait rather than sleeping it; the next automatic run waits for it.
    const status = await syncStatus(alice.db);
    expect(status.nextRetryAt).toBeGreaterThanOrEqual(alice.clock.now().getTime() + 120_000);
    expect(await engine.run('alarm')).toMatchObject({ status: 'waiting' });
    expect(await engine.run('manual')).toMatchObject({ status: 'ok' });
    expect(await alice.db.outbox.count()).toBe(0);
  });

  it('pulls everything again when its cursor is beyond the server (a restored database)', async () => {
    const { alice, bob } = await team();
    const clientId = await clientOf(alice);
    for (let i = 0; i < 3; i++) await comment(alice, clientId, `kept ${i}`);
    await alice.engine.run('manual');
    await bob.engine.run('manual');
    const activities = await bob.db.activities.count();
    expect(activities).toBe(3);
    // As if the server's database had been restored from a backup older than what bob saw.
    const progress = (await bob.db.getState('progress'))!;
    await bob.db.setState('progress', { ...progress, cursor: progress.cursor + 1000 });
    await bob.db.activities.clear();
    expect(await bob.engine.run('manual')).toMatchObject({ status: 'ok' });
    expect(await bob.db.activities.count()).toBe(3);
    expect((await bob.db.getState('progress'))!.cursor).toBe(progress.cursor);
  });

  it('offline: keeps everything, then delivers once the network is back', async () => {
    const { alice, bob } = await team();
    const clientId = await clientOf(alice);
    const a = await comment(alice, clientId, 'typed in the train');
    alice.network.inject(/./, 'offline', 1000);
    expect(await alice.engine.run('write')).toMatchObject({ status: 'failed', error: { code: 'offline' } });
    expect(await alice.db.outbox.count()).toBe(3);
    alice.network.clear();
    alice.clock.advance(60 * 60_000); // past any backoff
    expect(await alice.engine.run('alarm')).toMatchObject({ status: 'ok' });
    await bob.engine.run('manual');
    expect(await bob.db.activities.get(a.id)).toBeDefined();
  });

  it('duplicate delivery: a batch delivered twice is stored once and leaves the outbox', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    const written = [await comment(alice, clientId, 'one'), await comment(alice, clientId, 'two')];
    alice.network.inject(/sync\/push/, 'twice', 10);
    const outcome = await alice.engine.run('write');
    expect(outcome).toMatchObject({ status: 'ok', push: { duplicate: 4, accepted: 0 } });
    expect(await alice.db.outbox.count()).toBe(0);
    const ids = await serverActivityIds(alice);
    expect(ids.sort()).toEqual(written.map((a) => a.id).sort());
  });

  it('an answer lost after the server stored the batch: pushed again, stored once', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    const written = await comment(alice, clientId, 'answer lost');
    alice.network.inject(/sync\/push/, 'lost-answer', 1);
    expect(await alice.engine.run('write')).toMatchObject({ status: 'ok' });
    expect(await alice.db.outbox.count()).toBe(0);
    expect(await serverActivityIds(alice)).toEqual([written.id]);
  });

  it('two installs editing offline converge; the losing note text is kept aside', async () => {
    const { alice, bob } = await team();
    const clientId = await clientOf(alice);
    const note = await addNote(alice.ctx, { clientId, text: 'v1' });
    await alice.engine.run('manual');
    await bob.engine.run('manual');

    // Both offline: each edits the note, logs activities and sees the invoice with another amount.
    await updateNote(alice.ctx, note.id, 'Alice: promised for Friday');
    bob.clock.advance(1_000);
    await updateNote(bob.ctx, note.id, 'Bob: disputed the second line');
    await comment(alice, clientId, 'from Alice');
    await comment(bob, clientId, 'from Bob');
    await recordObservations(bob.ctx, [{ ...observation, amountDueCents: 20_000 }]);

    await alice.engine.run('manual');
    await bob.engine.run('manual');
    await alice.engine.run('manual');

    const view = async (i: Install) => ({
      activities: (await i.db.activities.toArray()).map((a) => a.id).sort(),
      notes: (await i.db.notes.toArray()).map((n) => [n.id, n.text, n.hlc]),
      invoices: (await i.db.invoices.toArray()).map((n) => [n.id, n.amountDueCents, n.hlc]),
      clients: (await i.db.clients.toArray()).map((n) => [n.id, n.hlc]),
    });
    const [a, b] = [await view(alice), await view(bob)];
    expect(a).toEqual(b);
    expect(a.activities).toHaveLength(2);
    expect(a.notes[0]![1]).toBe('Bob: disputed the second line');
    expect(a.invoices[0]![1]).toBe(20_000);
    // A stale write: Bob edits later and syncs first; Alice, who has not pulled it yet, edits with an
    // older clock. Her push is stale; what she typed is set aside, not lost, and Bob's text stays.
    bob.clock.advance(10_000);
    const bobLater = await updateNote(bob.ctx, note.id, 'Bob again, later');
    await bob.engine.run('manual');
    alice.clock.advance(2_000);
    await updateNote(alice.ctx, note.id, 'Alice, stale');
    expect(await alice.engine.run('manual')).toMatchObject({ status: 'ok', push: { stale: 1 } });
    const aside = await alice.db.setAside.toArray();
    expect(aside.map((r) => (r.change as { data?: { text?: string } }).data?.text)).toContain('Alice, stale');
    expect((await syncStatus(alice.db)).setAside[0]).toMatchObject({ status: 'stale' });
    expect((await alice.db.notes.get(note.id))!.hlc).toBe(bobLater.hlc);
  });

  it('a restarted service worker resumes a half-done pull from its cursor without loss', async () => {
    const { alice, bob } = await team();
    const clientId = await clientOf(alice);
    for (let i = 0; i < 9; i++) await comment(alice, clientId, `c${i}`);
    await alice.engine.run('manual');

    bob.network.inject(/sync\/pull\?.*\bsince=[1-9]/, 'offline', 100); // the second page fails
    expect(await bob.engine.run('manual')).toMatchObject({ status: 'failed' });
    const partial = (await bob.db.getState('progress'))!.cursor;
    expect(partial).toBeGreaterThan(0);
    bob.network.clear();
    bob.network.log.length = 0;
    const restarted = bob.restart();
    expect(await restarted.run('manual')).toMatchObject({ status: 'ok' });
    expect(bob.network.log.find((l) => l.includes('/sync/pull'))).toContain(`since=${partial}`);
    expect(await bob.db.activities.count()).toBe(9);
  });

  it('a service worker stopped mid-push: the next one waits for the lease, then delivers once', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    const written = [await comment(alice, clientId, 'x'), await comment(alice, clientId, 'y')];
    alice.network.inject(/sync\/push/, 'hang', 1);
    void alice.engine.run('write'); // never finishes: the worker was stopped
    await vi_waitFor(async () => (await alice.db.getState('lock')) !== undefined);

    const restarted = alice.restart();
    expect(await restarted.run('alarm')).toEqual({ status: 'busy' });
    alice.clock.advance(LOCK_LEASE_MS + 1);
    expect(await restarted.run('alarm')).toMatchObject({ status: 'ok' });
    expect(await alice.db.outbox.count()).toBe(0);
    expect((await serverActivityIds(alice)).sort()).toEqual(written.map((a) => a.id).sort());
  });

  it('runs requested while one is going join it, plus one follow-up for the late write', async () => {
    const { alice } = await team();
    const clientId = await clientOf(alice);
    const first = alice.engine.run('write');
    const late = await comment(alice, clientId, 'late');
    const second = alice.engine.run('write');
    const third = alice.engine.run('write');
    expect(second).toBe(third);
    await Promise.all([first, second]);
    expect(await alice.db.outbox.count()).toBe(0);
    expect(await serverActivityIds(alice)).toEqual([late.id]);
  });

  it('sign-out refuses to drop unsent changes unless told, then forgets the team', async () => {
    const { alice } = await team();
    await comment(alice, await clientOf(alice), 'unsent');
    const deps = { db: alice.db, fetch: alice.network.fetch };
    await expect(signOut(deps)).rejects.toMatchObject({ code: 'unsent-changes' });
    await alice.engine.run('manual');
    await signOut(deps);
    expect(await alice.db.getState('account')).toBeUndefined();
    expect(await alice.db.activities.count()).toBe(0);
    expect(await alice.engine.run('manual')).toEqual({ status: 'local-only' });
  });

  it('signs in with a token made elsewhere, asking the server whose it is', async () => {
    const made = await server.createTeam('Made by the CLI');
    const carol = makeInstall(server.url);
    await signInWithToken(
      { db: carol.db, fetch: carol.network.fetch },
      { serverUrl: SERVER, token: made.token },
    );
    expect(await syncStatus(carol.db)).toMatchObject({
      mode: 'team',
      team: { id: made.teamId, name: 'Made by the CLI' },
    });
    expect(await carol.engine.run('manual')).toMatchObject({ status: 'ok' });
    const dave = makeInstall(server.url);
    await expect(
      signInWithToken(
        { db: dave.db, fetch: dave.network.fetch },
        { serverUrl: SERVER, token: 'not-a-token' },
      ),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('a wrong invite code is explained, not thrown raw', async () => {
    const carol = makeInstall(server.url);
    await expect(
      joinTeam(
        { db: carol.db, fetch: carol.network.fetch },
        { serverUrl: SERVER, code: 'NOPE-NOPE', personName: 'Carol' },
      ),
    ).rejects.toMatchObject({ code: 'invalid-invite' });
    expect(await carol.db.getState('account')).toBeUndefined();
  });
});

describe('the server killed mid-push and restarted', () => {
  it('loses nothing and duplicates nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'relance-kill-'));
    let own = await startTestServer({ dataDir });
    try {
      const { alice } = await team(own.url);
      const clientId = await clientOf(alice);
      const written = [];
      for (let i = 0; i < 5; i++) written.push(await comment(alice, clientId, `before the crash ${i}`));
      // The first batch reaches the server, which then dies before answering.
      alice.network.inject(/sync\/push/, 'lost-answer', 1);
      alice.network.onLostAnswer = () => own.stop();
      expect(await alice.engine.run('write')).toMatchObject({ status: 'failed', error: { code: 'offline' } });
      expect(await alice.db.outbox.count()).toBe(7); // client, invoice, 5 comments

      own = await startTestServer({ dataDir });
      alice.network.target = own.url;
      alice.clock.advance(60 * 60_000);
      expect(await alice.engine.run('alarm')).toMatchObject({
        status: 'ok',
        push: { duplicate: 3, accepted: 4 },
      });
      const account = (await alice.db.getState('account'))!;
      const page = await new ApiClient(own.url, fetch, account.token).pull(0, 1000);
      const ids = (page.changes as { kind: string; activity?: { id: string } }[])
        .filter((c) => c.kind === 'activity')
        .map((c) => c.activity!.id);
      expect(ids.sort()).toEqual(written.map((a) => a.id).sort());
    } finally {
      await own.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

async function vi_waitFor(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the API client', () => {
  it('calls the global fetch as a plain function (a method call throws Illegal invocation in browsers)', async () => {
    const seen: unknown[] = [];
    function strictFetch(this: unknown, _input: string) {
      seen.push(this);
      return Promise.resolve(
        new Response(
          JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, changes: [], cursor: 0, hasMore: false }),
        ),
      );
    }
    await new ApiClient('http://x.test', strictFetch as never, 't').pull(0, 10);
    expect(seen).toEqual([undefined]);
  });
});
