import { UNSTORABLE_TEXT_MESSAGE } from '@relance/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, teams } from '../src/db/schema';
import { activityChange } from '../testing';
import { body, client, drivers, openContext, pullAll, type TestContext } from './support/context';

describe.each(drivers())('bad input ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  /** A team, and a function that proves nothing of it changed. */
  async function watchedTeam() {
    const m = await ctx.team();
    const snapshot = async () => ({
      version: (await ctx.db.select({ v: teams.version }).from(teams).where(eq(teams.id, m.team.id)))[0]!.v,
      people: (await ctx.db.select().from(people).where(eq(people.teamId, m.team.id))).length,
      pulled: (await pullAll(ctx.app, m.token)).changes.length,
    });
    const before = await snapshot();
    return { ...m, unchanged: async () => expect(await snapshot()).toEqual(before) };
  }

  it('answers 400 JSON to malformed JSON, and changes nothing', async () => {
    const t = await watchedTeam();
    const api = client(ctx.app, t.token);
    for (const [method, path] of [
      ['POST', '/api/v1/sync/push'],
      ['POST', '/api/v1/invites'],
      ['PATCH', `/api/v1/people/${t.person.id}`],
      ['POST', '/api/v1/teams'],
      ['POST', '/api/v1/join'],
    ] as const) {
      const res = await api.raw(method, path, '{"changes": [ {"kind": "activity", ');
      expect(res.status, path).toBe(400);
      expect(await body(res)).toMatchObject({
        error: 'malformed_request',
        message: expect.stringMatching(/JSON/),
      });
    }
    await t.unchanged();
  });

  it('answers 400 naming the field to wrongly typed bodies, and changes nothing', async () => {
    const t = await watchedTeam();
    const api = client(ctx.app, t.token);
    const cases: [unknown, string][] = [
      [{ changes: 'all of them' }, 'changes'],
      [{ changes: [] }, 'changes'],
      [{ changes: Array.from({ length: 501 }, () => activityChange()) }, 'changes'],
      [[activityChange()], '(body)'],
      [{}, 'changes'],
      [null, '(body)'],
    ];
    for (const [payload, path] of cases) {
      const res = await api.post('/api/v1/sync/push', payload);
      expect(res.status, JSON.stringify(payload).slice(0, 60)).toBe(400);
      const answer = await body(res);
      expect(answer.error).toBe('invalid_request');
      expect(answer.issues[0].path).toBe(path);
    }
    const nul = await client(ctx.app).post('/api/v1/teams', { teamName: 'a\u0000b', personName: 'ok' });
    expect(nul.status).toBe(400);
    expect((await body(nul)).issues[0]).toEqual({
      path: 'teamName',
      message: UNSTORABLE_TEXT_MESSAGE,
    });
    // Not JSON at all: the body is not read as JSON, so `changes` is missing.
    const text = await api.raw('POST', '/api/v1/sync/push', 'changes=1', 'text/plain');
    expect(text.status).toBe(400);
    expect((await body(text)).issues[0].path).toBe('changes');
    await t.unchanged();
  });

  it('answers 413 JSON to an oversized body, with or without Content-Length, and changes nothing', async () => {
    const t = await watchedTeam();
    const big = JSON.stringify({ changes: [activityChange({ comment: 'x'.repeat(1024 * 1024) })] });
    const withLength = await ctx.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(big.length),
      },
      body: big,
    });
    expect(withLength.status).toBe(413);
    expect(await body(withLength)).toMatchObject({ error: 'payload_too_large', maxBytes: 1024 * 1024 });

    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await ctx.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // A body just under the limit goes through.
    const fits = JSON.stringify({ changes: [activityChange({ comment: 'x'.repeat(20_000) })] });
    expect((await client(ctx.app, t.token).raw('POST', '/api/v1/sync/push', fits)).status).toBe(200);
  });

  it('answers 400 to bad query strings and path parameters', async () => {
    const t = await watchedTeam();
    const api = client(ctx.app, t.token);
    for (const query of ['since=-1', 'since=abc', 'since=1e30', 'limit=0', 'limit=5000', 'limit=1.5']) {
      const res = await api.get(`/api/v1/sync/pull?${query}`);
      expect(res.status, query).toBe(400);
      expect((await body(res)).issues[0].path).toBe(query.split('=')[0]);
    }
    for (const query of [
      'clientId=nope',
      'from=2026-02-30',
      'type=party',
      'limit=-3',
      'offset=x',
      `q=${'a'.repeat(201)}`,
    ]) {
      expect((await api.get(`/api/v1/history?${query}`)).status, query).toBe(400);
    }
    expect((await api.get('/api/v1/history.csv?lang=de')).status).toBe(400);
    expect((await api.get('/api/v1/history?q=a%00b')).status).toBe(400);
    expect((await api.get('/api/v1/notes/not-a-uuid/revisions')).status).toBe(400);
    expect((await api.post("/api/v1/people/1' or '1'='1/revoke")).status).toBe(400);
  });

  it('answers 404 JSON to unknown routes', async () => {
    const res = await ctx.app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await body(res)).toMatchObject({ error: 'not_found' });
  });

  it('allows the extension origins and no other', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://4b1c2a3e-1111-2222-3333-444455556666',
    ]) {
      const preflight = await ctx.app.request('/api/v1/sync/push', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
      const get = await ctx.app.request('/healthz', { headers: { Origin: origin } });
      expect(get.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    }
    for (const origin of [
      'https://evil.example',
      'http://localhost:3000',
      'chrome-extension://x/../evil',
      'null',
    ]) {
      const res = await ctx.app.request('/healthz', { headers: { Origin: origin } });
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      const preflight = await ctx.app.request('/api/v1/sync/push', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
    }
  });
});
