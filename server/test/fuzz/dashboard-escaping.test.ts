import { uuidv7 } from '@relance/shared';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChange, clientChange, hlc, invoiceChange, noteChange } from '../../testing';
import { body, client, drivers, openContext, signedInCookie, type TestContext } from '../support/context';

/**
 * Every string of the dashboard comes from people or from scraped pages: names, invoice numbers,
 * notes, comments, the search box. Rendered on the server, each must come out escaped: parsed by a
 * browser, the pages hold no element or handler that such a string brought.
 */
const HOSTILE = {
  team: '<script>window.__pwned=1</script>Équipe',
  owner: '<img src=x onerror="window.__pwned=1">Olivia',
  member: '"><svg onload="window.__pwned=1">Marc',
  client: '<img src=x onerror=alert(1)>ACME',
  invoice: '</td><script>alert(1)</script>',
  note: "</p><iframe srcdoc='<script>alert(1)</script>'></iframe>",
  comment: '<a href="javascript:alert(1)">clic</a>',
  reason: '<style>body{display:none}</style>litige',
  query: '"><img src=x onerror=alert(1)>',
};
const NOW = Date.now();
const today = new Date(NOW).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString().slice(0, 10);

/**
 * What a browser builds from the page: any element or handler the page did not mean to have, and
 * the text it shows (entities decoded), to find the strings in it.
 */
function parse(html: string): { injected: string[]; text: string } {
  const window = new Window();
  window.document.write(html);
  const injected: string[] = [];
  for (const element of Array.from(window.document.querySelectorAll('script, img, iframe, style, a'))) {
    // The dashboard's own links are plain paths, its styles a stylesheet link, its charts SVG
    // without handlers (an injected `<svg onload>` is caught by the handler check below).
    if (element.tagName === 'A' && !/^javascript:/i.test(element.getAttribute('href') ?? '')) continue;
    injected.push(element.outerHTML.slice(0, 120));
  }
  for (const element of Array.from(window.document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name.toLowerCase().startsWith('on'))
        injected.push(`${element.tagName} ${attribute.name}`);
    }
  }
  const text = window.document.body?.textContent ?? '';
  void window.happyDOM.close();
  return { injected, text };
}

describe.each(drivers())('the dashboard escapes what people and pages wrote ($name)', (driver) => {
  let ctx: TestContext;
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    ctx = await openContext(driver);
    const owner = await body(
      await client(ctx.app).post('/api/v1/teams', { teamName: HOSTILE.team, personName: HOSTILE.owner }),
    );
    token = owner.token;
    const invite = await body(await client(ctx.app, token).post('/api/v1/invites', { role: 'lead' }));
    const member = await body(
      await client(ctx.app).post('/api/v1/join', { code: invite.code, personName: HOSTILE.member }),
    );
    clientId = uuidv7();
    const invoiceId = uuidv7();
    const clock = hlc(NOW - 60_000);
    const pushed = await client(ctx.app, token).push([
      clientChange({ id: clientId, name: HOSTILE.client }, clock),
      {
        ...invoiceChange({ id: invoiceId, clientId, number: HOSTILE.invoice }, clock),
        data: {
          id: invoiceId,
          number: HOSTILE.invoice,
          clientId,
          clientName: HOSTILE.client,
          amountDueCents: 123_456,
          currency: 'EUR',
          dueDate: daysAgo(50),
        },
      },
      noteChange({ id: uuidv7(), clientId, text: HOSTILE.note, invoiceId }, clock),
      activityChange({
        clientId,
        invoiceIds: [invoiceId],
        type: 'comment',
        text: HOSTILE.comment,
        date: today,
      }),
      activityChange({
        clientId,
        invoiceIds: [invoiceId],
        type: 'reminder',
        stage: 'reminder-2',
        channel: 'email',
        subject: HOSTILE.comment,
        comment: HOSTILE.note,
        date: today,
      }),
      activityChange({
        clientId,
        invoiceIds: [invoiceId],
        type: 'dispute-opened',
        reason: HOSTILE.reason,
        date: today,
      }),
      activityChange({
        clientId,
        invoiceIds: [invoiceId],
        type: 'promise-to-pay',
        promisedDate: today,
        amountCents: 1000,
        date: today,
      }),
    ]);
    expect((await body(pushed)).results.map((r: { status: string }) => r.status)).toEqual(
      Array(7).fill('accepted'),
    );
    // The member writes too, so that their name shows in history and per-person figures.
    const memberPush = await client(ctx.app, member.token).push([
      activityChange({ clientId, type: 'call', outcome: HOSTILE.query, date: today }),
    ]);
    expect(memberPush.status).toBe(200);
  });
  afterAll(() => ctx.close());

  const page = async (path: string) => {
    const res = await ctx.app.request(path, { headers: { Cookie: await signedInCookie(ctx.app, token) } });
    return { status: res.status, html: await res.text() };
  };

  it('renders every page with the hostile strings as text', async () => {
    const q = encodeURIComponent(HOSTILE.query);
    const paths = [
      '/dashboard',
      '/dashboard?lang=en',
      '/dashboard/overdue',
      `/dashboard/overdue?clientId=${clientId}`,
      '/dashboard/history',
      `/dashboard/history?q=${q}&from=${q}&type=${q}`,
      `/dashboard/history?q=${encodeURIComponent('ACME')}`,
      '/dashboard/clients',
      `/dashboard/clients/${clientId}`,
      '/dashboard/people',
      `/dashboard/${q}`,
    ];
    const shown = new Set<string>();
    for (const path of paths) {
      const { status, html } = await page(path);
      expect(status, path).toBeLessThan(500);
      const { injected, text } = parse(html);
      expect(injected, path).toEqual([]);
      expect(text.trim(), `${path} shows a page`).not.toBe('');
      for (const [name, value] of Object.entries(HOSTILE)) if (text.includes(value)) shown.add(name);
    }
    // The strings were really on the pages (as text), not merely left out.
    expect([...shown].sort()).toEqual(Object.keys(HOSTILE).sort());
  });

  it('escapes what the sign-in page reflects', async () => {
    const res = await ctx.app.request(
      `/dashboard/sign-in?next=${encodeURIComponent(`/dashboard/${HOSTILE.query}`)}`,
    );
    expect(parse(await res.text()).injected).toEqual([]);
    const signIn = await ctx.app.request('/dashboard/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: HOSTILE.query, next: `/dashboard/${HOSTILE.query}` }).toString(),
    });
    expect(signIn.status).toBe(400);
    expect(parse(await signIn.text()).injected).toEqual([]);
  });
});
