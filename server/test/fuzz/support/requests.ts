import { uuidv7 } from '@relance/shared';
import { activityChange, clientChange, hlc, invoiceChange, noteChange, T0 } from '../../../testing';
import type { Random } from './random';

/**
 * Requests that must all be refused (or, for reads, may be answered) without a 5xx and without
 * changing anything stored. Every write is made invalid on purpose, in a way that is certain:
 * a random body that happened to be valid would rightly be stored.
 */
export type Expectation =
  /** A 4xx. */
  | 'refused'
  /** A push: a 4xx, or 200 with every change `rejected`. */
  | 'push-refused'
  /** A read: 200 or 4xx (never 5xx); reads change nothing anyway. */
  | 'read';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectation;
  /** What was meant, for failure messages. */
  label: string;
}

export interface Credentials {
  owner: string;
  member: string;
  ownerId: string;
  memberId: string;
  noteId: string;
  /** The `Cookie` header of the owner signed in to the dashboard. */
  ownerCookie: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

export class RequestGenerator {
  constructor(
    private readonly r: Random,
    private readonly who: Credentials,
  ) {}

  /** One request against a route picked at random. */
  next(): FuzzRequest {
    const make = this.r.pick([
      () => this.createTeam(),
      () => this.join(),
      () => this.invite(),
      () => this.setRole(),
      () => this.revokePerson(),
      () => this.revokeToken(),
      () => this.push(),
      () => this.push(),
      () => this.push(),
      () => this.read(),
      () => this.read(),
      () => this.dashboardRead(),
      () => this.dashboardSignIn(),
      () => this.dashboardMalformed(),
      () => this.unknownRoute(),
    ]);
    return make();
  }

  // --- authorization -----------------------------------------------------------------------

  /** A header that names nobody: missing, malformed, hostile, or a token-shaped stranger. */
  private badAuth(): Record<string, string> {
    const r = this.r;
    return r.pick([
      () => ({}),
      () => ({ Authorization: '' }),
      () => ({ Authorization: 'Bearer' }),
      () => ({
        Authorization: `Bearer rlt_${r.string(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')}`,
      }),
      () => ({ Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }),
      () => ({ Authorization: `Bearer ${this.who.owner}x` }),
      () => ({ Authorization: `Bearer ${this.who.owner.slice(0, -1)}` }),
      () => ({ Authorization: `Bearer ${headerSafe(r.hostileString())}` }),
      () => ({ Authorization: `Bearer ${'a'.repeat(r.int(201, 5000))}` }),
    ])();
  }

  private ownerAuth() {
    return { Authorization: `Bearer ${this.who.owner}` };
  }

  private anyValidAuth() {
    return { Authorization: `Bearer ${this.r.chance(0.5) ? this.who.owner : this.who.member}` };
  }

  // --- bodies ------------------------------------------------------------------------------

  /** A JSON text that does not parse, or is not JSON at all. */
  private malformedJson(): string {
    return this.r.pick([
      '{',
      '{"changes": [ {"kind": "activity", ',
      "{'teamName': 'single quotes'}",
      '{"a": 1,}',
      'undefined',
      'NaN',
      '\u0000{}',
      '{"a": "\\ud800"',
      '[1, 2',
      '<xml/>',
      `{"deep": ${'['.repeat(5000)}${']'.repeat(4999)}}`,
      '{"teamName": "x", "teamName": ',
    ]);
  }

  /** Adds unknown fields (some with scary names) to an object, sometimes. */
  private sprinkle<T extends object>(value: T): T {
    const out = { ...value } as Record<string, unknown>;
    if (this.r.chance(0.5)) {
      for (let i = this.r.int(1, 4); i > 0; i--) out[this.r.fieldName()] = this.r.jsonValue(2);
    }
    return out as T;
  }

  /** A value that is certainly not a non-empty, storable name of at most 100 characters. */
  private badName(): unknown {
    return this.r.pick([
      () => undefined,
      () => null,
      () => '',
      () => '   ',
      () => 42,
      () => ['Atelier'],
      () => ({ name: 'Atelier' }),
      () => true,
      () => 'x'.repeat(this.r.int(101, 400_000)),
      () => `nul\u0000${this.r.hostileString()}`,
    ])();
  }

  /** Either a name (possibly hostile but valid) or a bad one. */
  private anyName(): unknown {
    const name = this.r.hostileString().trim();
    return this.r.chance(0.5) && name.length > 0 && name.length <= 100 && !name.includes('\u0000')
      ? name
      : this.badName();
  }

  private jsonBody(value: unknown): string {
    return JSON.stringify(value) ?? 'null';
  }

  // --- routes ------------------------------------------------------------------------------

  private createTeam(): FuzzRequest {
    const r = this.r;
    const body = r.pick([
      () => this.malformedJson(),
      () => this.jsonBody(r.jsonValue(3)),
      () => this.jsonBody(this.sprinkle({ teamName: this.badName(), personName: this.anyName() })),
      () => this.jsonBody(this.sprinkle({ teamName: this.anyName(), personName: this.badName() })),
    ])();
    // A random JSON value holding two valid names would be a miracle; a valid body is never sent.
    const certain = this.isBadTeamBody(body)
      ? body
      : this.jsonBody({ teamName: this.badName(), personName: 'x' });
    return {
      method: 'POST',
      path: '/api/v1/teams',
      headers: { ...JSON_TYPE },
      body: certain,
      expect: 'refused',
      label: 'create team',
    };
  }

  private isBadTeamBody(text: string): boolean {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      const ok = (v: unknown) =>
        typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 100 && !v.includes('\u0000');
      return !(ok(value?.teamName) && ok(value?.personName));
    } catch {
      return true;
    }
  }

  private join(): FuzzRequest {
    const r = this.r;
    // No code made by a random generator is a live invite (60 random bits).
    const code = r.pick([
      () => r.string(r.int(4, 40), '0123456789ABCDEFGHJKMNPQRSTVWXYZ-'),
      () => r.hostileString(),
      () => r.jsonValue(2),
      () => undefined,
    ])();
    const body = r.chance(0.2)
      ? this.malformedJson()
      : this.jsonBody(this.sprinkle({ code, personName: this.anyName() }));
    return {
      method: 'POST',
      path: '/api/v1/join',
      headers: { ...JSON_TYPE },
      body,
      expect: 'refused',
      label: 'join',
    };
  }

  private invite(): FuzzRequest {
    const r = this.r;
    // `role` is optional: a body without a bad role would rightly make an invite.
    const badRole = r.pick(['owner', 'admin', '', 'Member', 1, null, ['lead'], r.hostileString()]);
    const [headers, body] = r.pick([
      () => [this.badAuth(), this.jsonBody({ role: 'member' })] as const,
      () => [{ Authorization: `Bearer ${this.who.member}` }, this.jsonBody({ role: 'member' })] as const,
      () => [this.ownerAuth(), this.jsonBody(this.sprinkle({ role: badRole }))] as const,
      () => [this.ownerAuth(), this.malformedJson()] as const,
      () => [this.ownerAuth(), this.jsonBody(r.pick([null, [], 'member', 7]))] as const,
    ])();
    return {
      method: 'POST',
      path: '/api/v1/invites',
      headers: { ...JSON_TYPE, ...headers },
      body,
      expect: 'refused',
      label: 'invite',
    };
  }

  private setRole(): FuzzRequest {
    const r = this.r;
    const id = r.pick([() => this.badId(), () => uuidv7(), () => this.who.memberId])();
    const validRole = r.pick(['owner', 'lead', 'member']);
    // A real person with a valid role would be a real change: then the role is made bad.
    const role =
      id === this.who.memberId
        ? r.pick(['admin', '', 3, null, r.hostileString()])
        : r.chance(0.5)
          ? validRole
          : r.jsonValue(1);
    const headers = r.chance(0.2)
      ? this.badAuth()
      : r.chance(0.2)
        ? { Authorization: `Bearer ${this.who.member}` }
        : this.ownerAuth();
    const body = r.chance(0.15) ? this.malformedJson() : this.jsonBody(this.sprinkle({ role }));
    return {
      method: 'PATCH',
      path: `/api/v1/people/${encode(String(id))}`,
      headers: { ...JSON_TYPE, ...headers },
      body,
      expect: 'refused',
      label: 'set role',
    };
  }

  private revokePerson(): FuzzRequest {
    const r = this.r;
    const [headers, id] = r.pick([
      () => [this.ownerAuth(), this.badId()] as const,
      () => [this.ownerAuth(), uuidv7()] as const,
      () => [{ Authorization: `Bearer ${this.who.member}` }, this.who.ownerId] as const,
      () => [this.badAuth(), this.who.memberId] as const,
    ])();
    return {
      method: 'POST',
      path: `/api/v1/people/${encode(String(id))}/revoke`,
      headers,
      expect: 'refused',
      label: 'revoke person',
    };
  }

  private revokeToken(): FuzzRequest {
    return {
      method: 'POST',
      path: '/api/v1/tokens/revoke',
      headers: this.badAuth(),
      expect: 'refused',
      label: 'revoke token',
    };
  }

  private badId(): string {
    return this.r.pick([
      'not-a-uuid',
      '123',
      "1' OR '1'='1",
      '%00',
      '..%2F..%2Fteams',
      '00000000-0000-0000-0000-00000000000g',
      this.r.hostileString().slice(0, 200) || 'x',
    ]);
  }

  private push(): FuzzRequest {
    const r = this.r;
    if (r.chance(0.1))
      return {
        method: 'POST',
        path: '/api/v1/sync/push',
        headers: this.badAuth(),
        body: this.jsonBody({ changes: [activityChange()] }),
        expect: 'refused',
        label: 'push without a token',
      };
    const body = r.pick([
      () => this.malformedJson(),
      () => this.jsonBody(r.pick([null, [], {}, { changes: 'all' }, { changes: [] }, { changes: {} }])),
      () => this.jsonBody({ changes: Array.from({ length: 501 }, () => this.invalidChange()) }),
      () =>
        this.jsonBody(
          this.sprinkle({ changes: Array.from({ length: r.int(1, 8) }, () => this.invalidChange()) }),
        ),
      () =>
        this.jsonBody(
          this.sprinkle({ changes: Array.from({ length: r.int(1, 8) }, () => this.invalidChange()) }),
        ),
      () =>
        this.jsonBody(
          this.sprinkle({ changes: Array.from({ length: r.int(1, 8) }, () => this.invalidChange()) }),
        ),
    ])();
    const headers = r.chance(0.1)
      ? {
          'Content-Type': r.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ]),
        }
      : { ...JSON_TYPE };
    return {
      method: 'POST',
      path: '/api/v1/sync/push',
      headers: { ...headers, ...this.anyValidAuth() },
      body,
      expect: 'push-refused',
      label: 'push',
    };
  }

  /** A change the server must reject: a valid one broken in a way no schema lets through. */
  invalidChange(): unknown {
    const r = this.r;
    if (r.chance(0.1)) return r.pick([null, 'change', 42, [], [activityChange()], true, deeplyNested(3000)]);
    const clientId = uuidv7();
    const valid = r.pick([
      () => activityChange({ comment: r.hostileString().slice(0, 20_000) }),
      () => activityChange({ type: 'comment', text: r.hostileString() || 'x' }),
      () => clientChange({ id: uuidv7(), name: r.hostileString().slice(0, 500) || 'x' }, hlc(T0)),
      () => noteChange({ id: uuidv7(), clientId, text: r.hostileString().slice(0, 20_000) }, hlc(T0)),
      () =>
        invoiceChange({ id: uuidv7(), clientId, number: r.hostileString().slice(0, 500) || 'F-1' }, hlc(T0)),
    ])() as Record<string, unknown>;
    const change = structuredClone(valid) as Record<string, Record<string, unknown>>;
    const inner = (change.activity ?? change.data) as Record<string, unknown>;
    const breakIt = r.pick<() => void>([
      () => {
        change.kind = r.pick(['', 'activities', 'doc', 0, null, true, [], {}, r.hostileString()]) as never;
      },
      () => {
        inner.id = r.pick(['', 'not-a-uuid', 123, null, "'; drop table activities; --", r.hostileString()]);
      },
      () => {
        delete inner.id;
      },
      () => {
        if (change.activity) delete inner.clientId;
        else
          change.hlc = r.pick(['', '1', 5, null, '999999999999999:000000:node', r.hostileString()]) as never;
      },
      () => {
        if (change.activity)
          inner.date = r.pick(['2026-02-30', '12/03/2026', 20260312, '', r.hostileString()]);
        else change.docType = r.pick(['clients', 'settings2', '', 1, r.hostileString()]) as never;
      },
      () => {
        if (change.activity)
          inner.at = r.pick([
            'yesterday',
            0,
            '2026-03-12',
            '3000-01-01T00:00:00.000Z',
            '1800-01-01T00:00:00.000Z',
          ]);
        else change.data = r.pick([null, 'x', [], 5]) as never;
      },
      () => {
        if (change.activity) inner.type = r.pick(['reminders', '', 7, null, r.hostileString()]);
        else inner.id = uuidv7(); // the data's id must be the document's
      },
      () => {
        // Text PostgreSQL cannot store: NUL, or half a surrogate pair.
        const field = change.activity
          ? 'comment'
          : inner.text !== undefined
            ? 'text'
            : inner.number !== undefined
              ? 'number'
              : 'name';
        inner[field] = r.pick(['nul\u0000byte', 'half \ud800 pair', '\udfff']);
      },
      () => {
        if (change.activity)
          inner.invoiceIds = r.pick(['x', [r.hostileString()], [1, 2], Array.from({ length: 201 }, uuidv7)]);
        else change.id = r.pick(['x', r.hostileString(), 12]) as never;
      },
      () => {
        const field = change.activity
          ? 'comment'
          : inner.text !== undefined
            ? 'text'
            : inner.number !== undefined
              ? 'number'
              : 'name';
        inner[field] = 'y'.repeat(20_001);
      },
    ]);
    breakIt();
    if (r.chance(0.4)) return this.sprinkle(change);
    return change;
  }

  private read(): FuzzRequest {
    const r = this.r;
    const path = r.pick([
      '/api/v1/me',
      '/api/v1/people',
      '/api/v1/sync/pull',
      '/api/v1/history',
      '/api/v1/history.csv',
      `/api/v1/notes/${this.who.noteId}/revisions`,
      `/api/v1/notes/${encode(this.badId())}/revisions`,
      `/api/v1/notes/${uuidv7()}/revisions`,
      '/api/v1/openapi.json',
      '/healthz',
    ]);
    const headers = r.chance(0.2) ? this.badAuth() : this.anyValidAuth();
    return { method: 'GET', path: `${path}${this.query()}`, headers, expect: 'read', label: `read ${path}` };
  }

  /** A query string of known and unknown keys, hostile values, and broken percent-encoding. */
  private query(): string {
    const r = this.r;
    if (r.chance(0.2)) return '';
    const keys = [
      'since',
      'limit',
      'offset',
      'clientId',
      'invoiceId',
      'personId',
      'type',
      'from',
      'to',
      'q',
      'lang',
      'next',
      'page',
      'stage',
      'person',
      r.fieldName(),
    ];
    const parts: string[] = [];
    for (let i = r.int(1, 5); i > 0; i--) {
      const value = r.pick([
        () => String(r.jsonValue(0)),
        () => r.hostileString().slice(0, 3000),
        () =>
          r.pick([
            '-1',
            '0',
            '1e3',
            '9007199254740993',
            '99999999999999999999',
            '2026-13-45',
            'fr',
            'en',
            'de',
            'note',
            'reminder',
          ]),
      ])();
      const raw = r.chance(0.1) ? r.pick(['%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00']) : encode(value);
      parts.push(`${r.pick(keys)}=${raw}`);
    }
    if (r.chance(0.1)) parts.push(`${r.pick(keys)}[]=1`, `${r.pick(keys)}=2`);
    return `?${parts.join('&')}`;
  }

  private dashboardRead(): FuzzRequest {
    const r = this.r;
    const path = r.pick([
      '/dashboard',
      '/dashboard/',
      '/dashboard/sign-in',
      '/dashboard/overdue',
      '/dashboard/overdue.csv',
      '/dashboard/history',
      '/dashboard/history.csv',
      '/dashboard/clients',
      `/dashboard/clients/${encode(this.badId())}`,
      `/dashboard/clients/${uuidv7()}`,
      '/dashboard/people',
      `/dashboard/${encode(r.hostileString().slice(0, 100))}`,
      '/dashboard/assets/dashboard.css',
    ]);
    const cookie = r.pick([
      () => this.who.ownerCookie,
      () => `relance_dashboard=${this.who.owner}`,
      () => `relance_dashboard=rls_${r.string(43, 'abcdefghijklmnopqrstuvwxyz0123456789_-')}`,
      () => `relance_dashboard=${encode(r.hostileString().slice(0, 300))}`,
      () => `relance_dashboard=${'a'.repeat(50)}`,
      () => '',
    ])();
    return {
      method: 'GET',
      path: `${path}${this.query()}`,
      headers: cookie ? { Cookie: cookie } : {},
      expect: 'read',
      label: `dashboard ${path}`,
    };
  }

  private dashboardSignIn(): FuzzRequest {
    const r = this.r;
    // Anything but a live token: a sign-in only sets a cookie, and a wrong one must be a 4xx.
    const token = r.pick([
      () => r.hostileString().slice(0, 500),
      () => `rlt_${r.string(43)}`,
      () => `${this.who.owner}!`,
      () => '',
    ])();
    const form = new URLSearchParams({
      token,
      next: r.pick([
        '/dashboard/',
        'https://evil.example/',
        '//evil.example',
        'javascript:alert(1)',
        r.hostileString().slice(0, 200),
      ]),
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (r.chance(0.3)) headers.Origin = r.pick(['https://evil.example', 'null', 'chrome-extension://abc']);
    const signOut = r.chance(0.15);
    return {
      method: 'POST',
      path: signOut ? '/dashboard/sign-out' : '/dashboard/sign-in',
      headers: signOut ? { Origin: 'https://evil.example' } : headers,
      body: signOut ? undefined : form.toString(),
      expect: 'refused',
      label: signOut ? 'cross-site sign-out' : 'dashboard sign-in',
    };
  }

  /**
   * Dashboard requests that cannot be read: multipart bodies that do not parse, NUL characters
   * and half surrogate pairs in forms and in the history search, signed in or not.
   */
  private dashboardMalformed(): FuzzRequest {
    const r = this.r;
    // The rates form is for signed-in people only (others are sent to the sign-in page).
    const cookie: Record<string, string> = { Cookie: this.who.ownerCookie };
    // Percent-encoded half surrogates and broken UTF-8 are read as U+FFFD; NUL is refused.
    const badText = r.pick(['%00', 'a%00b', '%00%ED%A0%80', 'x%ED%B0%80y%00', '%F0%9F%00', '%C0%80%00']);
    return r.pick([
      (): FuzzRequest => ({
        method: 'POST',
        path: r.pick(['/dashboard/sign-in', '/dashboard/rates']),
        headers: {
          ...cookie,
          'Content-Type': r.pick(['multipart/form-data; boundary=zz', 'multipart/form-data']),
        },
        body: r.pick([
          'token=x',
          '',
          '--zz\r\nContent-Disposition: form-data\r\n\r\nx',
          '--zz--',
          r.hostileString(),
        ]),
        expect: 'refused',
        label: 'dashboard multipart that does not parse',
      }),
      (): FuzzRequest => ({
        method: 'POST',
        path: r.pick(['/dashboard/sign-in', '/dashboard/rates']),
        headers: { ...cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `${r.pick(['token', 'next', 'rate', 'label'])}=${badText}&${r.pick(['token', 'from', 'q'])}=${badText}`,
        expect: 'refused',
        label: 'dashboard form with unstorable text',
      }),
      (): FuzzRequest => {
        const boundary = 'relanceFuzz';
        const text = r.pick(['a\u0000b', '\u0000\ud800', 'x\udc00\u0000', '\u0000']);
        return {
          method: 'POST',
          path: r.pick(['/dashboard/sign-in', '/dashboard/rates']),
          headers: { ...cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
          body: `--${boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n${text}\r\n--${boundary}--\r\n`,
          expect: 'refused',
          label: 'dashboard multipart with NUL or a lone surrogate',
        };
      },
      (): FuzzRequest => ({
        method: 'GET',
        path: `${r.pick(['/dashboard/history', '/dashboard/history.csv', '/dashboard/overdue', '/dashboard/people'])}?${r.pick(['q', 'clientId', 'from', r.fieldName()])}=${badText}`,
        headers: cookie,
        expect: 'refused',
        label: 'dashboard query with NUL or a lone surrogate',
      }),
    ])();
  }

  private unknownRoute(): FuzzRequest {
    const r = this.r;
    const method = r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    const path = r.pick([
      `/api/v1/${encode(r.hostileString().slice(0, 200))}`,
      '/api/v2/sync/push',
      '/api/v1/sync',
      `/api/v1/people/${this.who.memberId}/promote`,
      '/api/v1/sync/pull/..',
    ]);
    const body = method === 'GET' ? undefined : this.jsonBody(r.jsonValue(2));
    return {
      method,
      path,
      headers: { ...JSON_TYPE, ...this.ownerAuth() },
      body,
      expect: 'refused',
      label: `${method} ${path}`,
    };
  }
}

/** Header values cannot hold control or non-Latin-1 characters (fetch refuses them before sending). */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

/** Percent-encoding; half a surrogate pair cannot be encoded, so it goes as raw invalid UTF-8. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

/** `[[[…]]]`, `depth` arrays deep: valid JSON that recursive code may choke on. */
function deeplyNested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
