import type { Membership } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { dashboardSessions } from '../../src/db/schema';
import { SESSION_COOKIE } from '../../src/http/credentials';
import { sha256Hex } from '../../src/services/secrets';
import { activityChange, clientChange, invoiceChange, noteChange } from '../../testing';
import { type DashboardHarness, dashboardSignIn, openHarness } from '../../testing/dashboard';

/** The dashboard over HTTP: sign-in, roles, team scoping, pages, filters, CSV, languages, escaping. */
const TODAY = '2026-03-12';
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('dashboard routes', () => {
  let h: DashboardHarness;
  let owner: Membership;
  let lead: Membership;
  let member: Membership;
  let stranger: Membership;
  let strangerClient: string;
  const hostile = uuidv7();
  const plain = uuidv7();
  const inv = { h1: uuidv7(), h2: uuidv7(), p1: uuidv7() };

  beforeAll(async () => {
    h = await openHarness(TODAY);
    owner = await h.team('Studio Nord');
    lead = await h.join(owner, 'Léa Lead', 'lead');
    member = await h.join(owner, 'Max Member');
    await h.push(owner.token, [
      clientChange({ id: hostile, name: '<img src=x onerror=alert(1)>' }),
      clientChange({ id: plain, name: 'Boulangerie Paul' }),
      invoiceChange({
        id: inv.h1,
        number: '=cmd|calc',
        clientId: hostile,
        clientName: '<img src=x onerror=alert(1)>',
        amountDueCents: 123_456,
        dueDate: '2026-02-10', // 30 days late
        url: 'javascript:alert(1)',
      }),
      invoiceChange({
        id: inv.h2,
        number: 'F-2',
        clientId: hostile,
        clientName: '<img src=x onerror=alert(1)>',
        amountDueCents: 10_000,
        dueDate: '2025-11-01', // 131 days late
      }),
      invoiceChange({
        id: inv.p1,
        number: 'P-1',
        clientId: plain,
        clientName: 'Boulangerie Paul',
        amountDueCents: 50_000,
        dueDate: '2026-01-20', // 51 days late
        url: 'https://factures.example/P-1',
      }),
      activityChange({
        type: 'reminder',
        clientId: hostile,
        invoiceIds: [inv.h1],
        date: '2026-03-02',
        stage: 'reminder-2',
        channel: 'email',
        subject: 'Relance',
      }),
      activityChange({
        type: 'call',
        clientId: plain,
        invoiceIds: [inv.p1],
        date: '2026-03-04',
        outcome: 'Absent',
      }),
      activityChange({
        type: 'comment',
        clientId: plain,
        invoiceIds: [],
        date: '2026-02-01',
        text: '=HYPERLINK("http://evil.example")',
      }),
      noteChange({ clientId: plain, text: 'Préfère être appelé le matin </p><script>alert(1)</script>' }),
    ]);
    await h.push(lead.token, [
      activityChange({
        type: 'promise-to-pay',
        clientId: plain,
        invoiceIds: [inv.p1],
        date: '2026-03-10',
        promisedDate: '2026-03-14',
        amountCents: 50_000,
      }),
      activityChange({
        type: 'call',
        clientId: hostile,
        invoiceIds: [inv.h2],
        date: '2026-03-11',
        outcome: 'Messagerie pleine',
      }),
    ]);
    stranger = await h.team('Autre équipe');
    strangerClient = uuidv7();
    await h.push(stranger.token, [
      clientChange({ id: strangerClient, name: 'Secret Client' }),
      activityChange({
        type: 'call',
        clientId: strangerClient,
        invoiceIds: [],
        date: '2026-03-05',
        outcome: 'confidentiel',
      }),
    ]);
  });

  afterAll(() => h?.close());

  describe('signing in', () => {
    it('sends anyone without a session to the sign-in form, remembering where they were going', async () => {
      const res = await h.get('/dashboard/history?type=call');
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('Location') ?? '', 'http://x');
      expect(location.pathname).toBe('/dashboard/sign-in');
      expect(location.searchParams.get('next')).toBe('/dashboard/history?type=call');
      const form = await h.get(`/dashboard/sign-in${location.search}`);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('<html lang="fr"');
      expect(html).toContain('Connexion au tableau de bord');
      expect(html).toContain('name="next" value="/dashboard/history?type=call"');
    });

    it('opens a session in an HttpOnly, SameSite=Strict cookie (never the token) and goes on to the page asked for', async () => {
      const res = await signIn(lead.token, '/dashboard/history?type=call');
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe('/dashboard/history?type=call');
      const cookie = res.headers.get('Set-Cookie') ?? '';
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=rls_[A-Za-z0-9_-]{43};`));
      expect(cookie).not.toContain(lead.token);
      expect(cookie).toMatch(/Max-Age=604800/);
      expect(cookie).not.toMatch(/Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/dashboard/);
    });

    it('refuses unknown and malformed tokens, and redirects only within the dashboard', async () => {
      const unknown = await signIn('x'.repeat(40));
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('Set-Cookie')).toBeNull();
      expect(await unknown.text()).toContain('Ce jeton est inconnu ou a été révoqué.');
      expect((await signIn('not a token!')).status).toBe(400);
      for (const next of [
        '//evil.example/',
        'https://evil.example/dashboard',
        '/api/v1/me',
        '/dashboard\\evil',
      ]) {
        const res = await signIn(owner.token, next);
        expect(res.headers.get('Location')).toBe('/dashboard');
      }
    });

    it('refuses a sign-in posted from another site', async () => {
      const res = await signIn(owner.token, undefined, { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.headers.get('Set-Cookie')).toBeNull();
    });

    it('shows members a clear 403 page, leads and owners the dashboard', async () => {
      const res = await h.get('/dashboard', member.token);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain('Accès réservé aux responsables');
      expect(html).toContain('Max Member, votre rôle (membre)');
      expect((await h.get('/dashboard', lead.token)).status).toBe(200);
      expect((await h.get('/dashboard', owner.token)).status).toBe(200);
      expect((await h.get('/dashboard/overdue.csv', member.token)).status).toBe(403);
    });

    it('takes the API token in the cookie as no session', async () => {
      const res = await h.app.request('/dashboard', {
        headers: { Cookie: `${SESSION_COOKIE}=${owner.token}` },
      });
      expect(res.status).toBe(302);
    });

    it('signs out by ending the session on the server and clearing the cookie', async () => {
      const cookie = await dashboardSignIn(h.app, owner.token);
      expect((await h.app.request('/dashboard', { headers: { Cookie: cookie } })).status).toBe(200);
      const res = await h.app.request('/dashboard/sign-out', { method: 'POST', headers: { Cookie: cookie } });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe('/dashboard/sign-in');
      expect(res.headers.get('Set-Cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`));
      // The cookie kept by a copy of the browser's jar opens nothing any more; the token still works.
      expect((await h.app.request('/dashboard', { headers: { Cookie: cookie } })).status).toBe(302);
      expect(
        (await h.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${owner.token}` } })).status,
      ).toBe(200);
    });

    it('marks the cookie Secure over HTTPS, and behind a declared proxy only', async () => {
      const form = `token=${encodeURIComponent(owner.token)}`;
      const signInAt = (url: string, headers: Record<string, string>, app = h.app) =>
        app.request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
          body: form,
        });
      const direct = await signInAt('https://relance.example/dashboard/sign-in', {});
      expect(direct.headers.get('Set-Cookie')).toMatch(/Secure/);
      const spoofed = await signInAt('/dashboard/sign-in', { 'X-Forwarded-Proto': 'https' });
      expect(spoofed.headers.get('Set-Cookie')).not.toMatch(/Secure/);
      const proxied = createApp({ db: h.db, trustProxy: true });
      const behind = await signInAt('/dashboard/sign-in', { 'X-Forwarded-Proto': 'https' }, proxied);
      expect(behind.headers.get('Set-Cookie')).toMatch(/Secure/);
    });

    it('ends sessions when they expire', async () => {
      const cookie = await dashboardSignIn(h.app, owner.token);
      const later = createApp({ db: h.db, now: () => new Date(Date.parse(h.today) + 8 * 24 * 3600_000) });
      expect((await later.request('/dashboard', { headers: { Cookie: cookie } })).status).toBe(302);
    });

    it('keeps only a hash of the session id', async () => {
      const cookie = await dashboardSignIn(h.app, owner.token);
      const id = cookie.split('=')[1]!;
      const rows = await h.db.select().from(dashboardSessions);
      expect(JSON.stringify(rows)).not.toContain(id);
      expect(rows.some((r) => r.sessionHash === sha256Hex(id))).toBe(true);
    });

    it('takes a revoked token as no session', async () => {
      const other = await h.join(owner, 'Temporary Lead', 'lead');
      expect((await h.get('/dashboard', other.token)).status).toBe(200);
      await h.app.request('/api/v1/tokens/revoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}` },
      });
      expect((await h.get('/dashboard', other.token)).status).toBe(302);
    });
  });

  describe('pages', () => {
    it('answers with a strict content security policy and never caches figures', async () => {
      const res = await h.get('/dashboard', owner.token);
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      expect(res.headers.get('Content-Security-Policy')).toContain("style-src 'self'");
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      const css = await h.get('/dashboard/assets/dashboard.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('Content-Type')).toContain('text/css');
      expect(await css.text()).toContain('@media print');
    });

    it('shows the overview figures, formatted in French by default and in English on request', async () => {
      const fr = await (await h.get('/dashboard', owner.token)).text();
      // 1 234,56 + 100,00 + 500,00 = 1 834,56 € overdue, in 3 invoices.
      expect(fr).toContain(`1${NNBSP}834,56${NBSP}€`);
      expect(fr).toContain('3 factures');
      expect(fr).toMatch(/data-bucket="0-30" data-cents="123456" data-count="1"/);
      expect(fr).toMatch(/data-bucket="31-60" data-cents="50000" data-count="1"/);
      expect(fr).toMatch(/data-bucket="90\+" data-cents="10000" data-count="1"/);
      expect(fr).toContain('Promesses de paiement de la semaine');
      expect(fr).toContain('Léa Lead');

      const en = await (await h.get('/dashboard?lang=en', owner.token)).text();
      expect(en).toContain('<html lang="en"');
      expect(en).toContain('€1,834.56');
      expect(en).toContain('Promises to pay due this week');
      // Links keep the language asked for in the URL; the switch link offers the other one.
      expect(en).toContain('href="/dashboard/history?lang=en"');
      expect(en).toContain('href="/dashboard?lang=fr"');

      const accept = await (
        await h.get('/dashboard', owner.token, { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' })
      ).text();
      expect(accept).toContain('<html lang="en"');
      expect(accept).toContain('href="/dashboard/history"');
    });

    it('escapes everything scraped or typed, and never links to a script URL', async () => {
      const pages = await Promise.all(
        [
          '/dashboard',
          '/dashboard/overdue',
          '/dashboard/history',
          `/dashboard/clients/${hostile}`,
          `/dashboard/clients/${plain}`,
        ].map(async (path) => (await h.get(path, owner.token)).text()),
      );
      for (const html of pages) {
        expect(html).not.toContain('<img src=x');
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('javascript:');
      }
      expect(pages[1]).toContain('&lt;img src=x onerror=alert(1)>');
      expect(pages[4]).toContain('&lt;/p>&lt;script>alert(1)&lt;/script>');
      expect(pages[1]).toContain('href="https://factures.example/P-1"');
    });

    it('filters the overdue list by age bucket and client', async () => {
      const all = await (await h.get('/dashboard/overdue', owner.token)).text();
      expect(invoiceNumbers(all)).toEqual(['F-2', 'P-1', '=cmd|calc']);
      const bucket = await (await h.get('/dashboard/overdue?bucket=31-60', owner.token)).text();
      expect(invoiceNumbers(bucket)).toEqual(['P-1']);
      expect(bucket).toContain('<option value="31-60" selected');
      const client = await (
        await h.get(`/dashboard/overdue?clientId=${hostile}&bucket=`, owner.token)
      ).text();
      expect(invoiceNumbers(client)).toEqual(['F-2', '=cmd|calc']);
      // A mistyped filter is ignored rather than refused.
      expect((await h.get('/dashboard/overdue?bucket=nope&clientId=42', owner.token)).status).toBe(200);
    });

    it('filters the shared history by client, person, type, dates and text', async () => {
      const count = async (query: string) => {
        const html = await (await h.get(`/dashboard/history${query}`, owner.token)).text();
        return Number(/data-figure="history-count" data-count="(\d+)"/.exec(html)?.[1]);
      };
      expect(await count('')).toBe(6); // 5 activities and the note
      expect(await count(`?clientId=${plain}`)).toBe(4);
      expect(await count(`?personId=${lead.person.id}`)).toBe(2);
      expect(await count('?type=call')).toBe(2);
      expect(await count('?type=note')).toBe(1);
      expect(await count('?from=2026-03-03&to=2026-03-10')).toBe(2);
      expect(await count('?q=messagerie')).toBe(1);
      expect(await count(`?type=call&personId=${lead.person.id}&clientId=${hostile}`)).toBe(1);
      // Another team's client id shows nothing of theirs.
      expect(await count(`?clientId=${strangerClient}`)).toBe(0);
      const html = await (await h.get('/dashboard/history?type=call', owner.token)).text();
      expect(html).toContain('Messagerie pleine');
      expect(html).toContain('href="/dashboard/history.csv?type=call&amp;lang=fr"');
    });

    it('pages through a long history, keeping the filters', async () => {
      const busy = await h.team('Busy team');
      const someone = uuidv7();
      const comments = Array.from({ length: 51 }, (_, i) =>
        activityChange({
          type: 'comment',
          clientId: someone,
          invoiceIds: [],
          date: '2026-03-01',
          text: `Commentaire ${i + 1}`,
        }),
      );
      await h.push(busy.token, [clientChange({ id: someone, name: 'Client pressé' }), ...comments]);
      const first = await (await h.get('/dashboard/history?type=comment', busy.token)).text();
      expect(first.match(/data-entry-id=/g)).toHaveLength(50);
      expect(first).toContain('Page 1 sur 2');
      expect(first).toContain('href="/dashboard/history?type=comment&amp;page=2"');
      const second = await (await h.get('/dashboard/history?type=comment&page=2', busy.token)).text();
      expect(second.match(/data-entry-id=/g)).toHaveLength(1);
      expect(second).toContain('Page 2 sur 2');
    });

    it('shows a client page with its invoices and whole timeline, and no client of another team', async () => {
      const res = await h.get(`/dashboard/clients/${plain}`, owner.token);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>Boulangerie Paul</h1>');
      expect(invoiceNumbers(html)).toEqual(['P-1']);
      expect(html.match(/data-entry-id=/g)).toHaveLength(4);
      expect((await h.get(`/dashboard/clients/${strangerClient}`, owner.token)).status).toBe(404);
      expect((await h.get('/dashboard/clients/not-an-id', owner.token)).status).toBe(404);
      const list = await (await h.get('/dashboard/clients', owner.token)).text();
      expect(list).toContain('Boulangerie Paul');
      expect(list).not.toContain('Secret Client');
    });

    it('shows each person’s activity over the last 30 days, or the period asked for', async () => {
      const html = await (await h.get('/dashboard/people', owner.token)).text();
      expect(html).toContain('data-from="2026-02-11" data-to="2026-03-12"');
      const row = (name: string, source: string) => {
        const tr = source.split('<tr').find((r) => r.includes('data-person=') && r.includes(name)) ?? '';
        return Object.fromEntries(
          [...tr.matchAll(/data-column="(\w+)">(?:<a [^>]*>)?(?:<strong>)?(\d+)/g)].map((m) => [
            m[1],
            Number(m[2]),
          ]),
        );
      };
      expect(row('Léa Lead', html)).toMatchObject({ calls: 1, promises: 1, reminders: 0, total: 2 });
      expect(row('Olivia Owner', html)).toMatchObject({ reminders: 1, calls: 1, other: 0 });
      const march = await (
        await h.get('/dashboard/people?from=2026-03-12&to=2026-03-01', owner.token)
      ).text();
      expect(march).toContain('data-from="2026-03-01" data-to="2026-03-12"');
      expect(march).toContain('elles ont été inversées');
      expect(row('Max Member', march)).toMatchObject({ total: 0 });
    });

    it('answers an unknown dashboard page with a 404 page', async () => {
      const res = await h.get('/dashboard/nope', owner.token);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Page introuvable');
    });
  });

  describe('CSV exports', () => {
    it('exports the overdue list for French Excel: BOM, semicolons, decimal comma, formulas defused', async () => {
      const res = await h.get('/dashboard/overdue.csv?lang=fr', owner.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('Content-Disposition')).toContain(
        'attachment; filename="relance-factures-en-retard-2026-03-12.csv"',
      );
      const lines = (await csvText(res)).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Client;Facture;Émise le;Échéance;Jours de retard;Ancienneté;Étape;Dernière relance;Reste dû;Devise;Identifiant',
      );
      expect(lines.slice(1).map((l) => l.split(';').slice(0, 10))).toEqual([
        [
          '<img src=x onerror=alert(1)>',
          'F-2',
          '',
          '2025-11-01',
          '131',
          'plus de 90 jours',
          'Procédure judiciaire',
          '',
          '100,00',
          'EUR',
        ],
        ['Boulangerie Paul', 'P-1', '', '2026-01-20', '51', '31 à 60 jours', 'En pause', '', '500,00', 'EUR'],
        [
          '<img src=x onerror=alert(1)>',
          "'=cmd|calc",
          '',
          '2026-02-10',
          '30',
          '1 à 30 jours',
          "Proposition d'échéancier",
          '2026-03-02',
          '1234,56',
          'EUR',
        ],
      ]);
    });

    it('keeps the filters in the export, and writes English CSV with commas', async () => {
      const text = await csvText(await h.get('/dashboard/overdue.csv?bucket=31-60&lang=en', owner.token));
      const lines = text.trimEnd().split('\r\n');
      expect(lines[0]?.startsWith('Client,Invoice,Issued,Due date,Days late,Age,Stage')).toBe(true);
      expect(lines.slice(1)).toHaveLength(1);
      expect(lines[1]).toContain('Boulangerie Paul,P-1,,2026-01-20,51,31 to 60 days,Paused,,500.00,EUR');
    });

    it('exports the filtered history with the history service', async () => {
      const res = await h.get(`/dashboard/history.csv?clientId=${plain}&lang=fr`, owner.token);
      expect(res.status).toBe(200);
      const text = await csvText(res);
      const lines = text.trimEnd().split('\r\n');
      expect(lines[0]?.startsWith('Date;Heure (Europe/Paris);Type;Client')).toBe(true);
      expect(lines).toHaveLength(1 + 4);
      expect(text).toContain(`'=HYPERLINK`);
      expect(text).not.toContain('Messagerie pleine');
    });
  });

  function signIn(token: string, next?: string, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ token, ...(next ? { next } : {}) });
    return h.app.request('/dashboard/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  }
});

/** A CSV body, checked to start with the UTF-8 byte-order mark (which `Response.text()` would hide). */
async function csvText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
}

/** The invoice numbers of the table rows, in order. */
function invoiceNumbers(html: string): string[] {
  return [...html.matchAll(/data-invoice-number="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
  );
}
