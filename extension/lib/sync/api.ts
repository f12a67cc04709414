import {
  type Change,
  inviteAnswer,
  type Membership,
  meAnswer,
  membershipAnswer,
  type PushResult,
  pushResponse,
  SYNC_SCHEMA_VERSION,
} from '@relance/shared';
import { z } from 'zod';

/**
 * The server's HTTP API (`/api/v1`), seen from the background. `fetch` is injected so that tests
 * can cut the network, add 500s or point at an in-process server.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The request never reached the server or no answer came back (offline, DNS, refused, timeout). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The server answered with an error status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    /** The server's error code (`{ error: 'invalid_invite', message }`), when it gave one. */
    readonly code: string,
    message: string,
    /** 429 and 503: how long the server asked us to wait (`Retry-After`), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** `Retry-After` as seconds or as an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait a server asked for with an error, if it asked. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof HttpError ? error.retryAfterMs : undefined;
}

/** The answer was not what the protocol says (a proxy's HTML page, a newer server...). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Worth trying again later: the network, or the server's own trouble. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof HttpError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

/** What creating or joining a team hands back (the schemas are the server's, from @relance/shared). */
export type TeamSession = Membership;

/** Pulled pages are checked change by change later, so that one unreadable change does not block the rest. */
const pullPage = z.object({
  schemaVersion: z.literal(SYNC_SCHEMA_VERSION),
  changes: z.array(z.unknown()),
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type PullPage = z.infer<typeof pullPage>;

const REQUEST_TIMEOUT_MS = 30_000;

export class ApiClient {
  constructor(
    private readonly serverUrl: string,
    private readonly fetchFn: FetchLike,
    private readonly token?: string,
  ) {}

  createTeam(teamName: string, personName: string): Promise<TeamSession> {
    return this.request('POST', '/teams', { teamName, personName }, membershipAnswer);
  }

  join(code: string, personName: string): Promise<TeamSession> {
    return this.request('POST', '/join', { code, personName }, membershipAnswer);
  }

  /** Who the token belongs to. */
  me(): Promise<z.infer<typeof meAnswer>> {
    return this.request('GET', '/me', undefined, meAnswer);
  }

  createInvite(role?: string): Promise<z.infer<typeof inviteAnswer>> {
    return this.request('POST', '/invites', role ? { role } : {}, inviteAnswer);
  }

  async revokeToken(): Promise<void> {
    await this.request('POST', '/tokens/revoke', undefined, null);
  }

  async push(changes: Change[]): Promise<PushResult[]> {
    const answer = await this.request(
      'POST',
      '/sync/push',
      { schemaVersion: SYNC_SCHEMA_VERSION, changes },
      pushResponse,
    );
    return answer.results;
  }

  pull(since: number, limit: number): Promise<PullPage> {
    const query = `schemaVersion=${SYNC_SCHEMA_VERSION}&since=${since}&limit=${limit}`;
    return this.request('GET', `/sync/pull?${query}`, undefined, pullPage);
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S | null,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    // Called as a plain function: the browser's fetch throws "Illegal invocation" when `this` is not the global.
    const fetchFn = this.fetchFn;
    let response: Response;
    try {
      response = await fetchFn(`${this.serverUrl.replace(/\/+$/, '')}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const { code, message } = await errorBody(response);
      throw new HttpError(
        response.status,
        code,
        message,
        parseRetryAfter(response.headers.get('Retry-After')),
      );
    }
    if (schema === null) return undefined as z.infer<S>;
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      // The body was cut off (connection lost mid-answer) or is not JSON at all.
      if (error instanceof Error && /JSON/i.test(error.message))
        throw new ProtocolError('answer is not JSON');
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ProtocolError(`unexpected answer to ${method} ${path}`);
    return parsed.data;
  }
}

/** The server answers errors as JSON `{ error: code, message }`; anything else keeps the status line. */
async function errorBody(response: Response): Promise<{ code: string; message: string }> {
  const fallback = { code: `http_${response.status}`, message: `HTTP ${response.status}` };
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    return {
      code: typeof body.error === 'string' ? body.error : fallback.code,
      message: typeof body.message === 'string' ? body.message : fallback.message,
    };
  } catch {
    return fallback;
  }
}
