import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, client, drivers, openContext, signedInCookie, type TestContext } from './support/context';

/**
 * The error boundary: input a route cannot read is a 400 (JSON on the API, a page on the
 * dashboard), never a 500, and text the database cannot store (NUL, half a surrogate pair) is
 * refused wherever it comes in.
 */
describe.each(drivers())('the error boundary ($name)', (driver) => {
  let ctx: TestContext;
  let cookie: string;
  let token: string;
  beforeAll(async () => {
    ctx = await openContext(driver);
    token = (await ctx.team()).token;
    cookie = await signedInCookie(ctx.app, token);
  });
  afterAll(() => ctx.close());

  it('answers a multipart sign-in that does not parse with a 400 page', async () => {
    const res = await ctx.app.request('/dashboard/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=zz' },
      body: 'token=x',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('data-error="malformed_request"');
  });

  it('refuses NUL and lone surrogates in the dashboard search with a 400 page', async () => {
    for (const path of [
      '/dashboard/history?q=%00',
      '/dashboard/history.csv?q=a%00b',
      '/dashboard/overdue?clientId=%00',
    ]) {
      const res = await ctx.app.request(path, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain('data-error="invalid_request"');
    }
    // Percent-encoded half surrogates are not UTF-8: they are read as U+FFFD, which is text.
    const replaced = await ctx.app.request('/dashboard/history?q=%ED%A0%80', { headers: { Cookie: cookie } });
    expect(replaced.status).toBe(200);
    // An ordinary search still works.
    const ok = await ctx.app.request('/dashboard/history?q=caf%C3%A9%20%F0%9F%98%80', {
      headers: { Cookie: cookie },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses unstorable text in dashboard forms, urlencoded and multipart', async () => {
    const url = await ctx.app.request('/dashboard/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=rlt_abcdefghijk%00',
    });
    expect(url.status).toBe(400);
    const multipart = await ctx.app.request('/dashboard/rates', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'multipart/form-data; boundary=b' },
      body: '--b\r\nContent-Disposition: form-data; name="label"\r\n\r\na\u0000b\r\n--b--\r\n',
    });
    expect(multipart.status).toBe(400);
  });

  it('refuses lone surrogates in JSON bodies with 400 JSON', async () => {
    const res = await ctx.app.request('/api/v1/teams', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"teamName":"A\\ud800","personName":"B"}',
    });
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_request');
  });

  it('refuses NUL in API query strings with 400 JSON', async () => {
    for (const path of [
      '/api/v1/history?q=%00',
      '/api/v1/history?clientId=a%00b',
      '/api/v1/sync/pull?since=0&x=%00',
    ]) {
      const res = await client(ctx.app, token).get(path);
      expect(res.status, path).toBe(400);
      const answer = await body(res);
      expect(answer.error, path).toBe('invalid_request');
      expect(answer.retryable).toBe(false);
    }
  });
});
