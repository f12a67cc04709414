import type { ApiError } from '@relance/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { dashboardErrorPage } from '../dashboard/http/errorPage';
import { ServiceError } from '../services/errors';

/**
 * The one error boundary. Whatever a route throws is sorted here into an answer: what the
 * request got wrong (a body that does not parse, a value that fails its schema or that the
 * database cannot take) is a 4xx saying so; a database out of reach is a 503; only a genuine bug
 * is a 500, its details kept in the server log. The API answers it as JSON, the dashboard as a
 * page (dashboard/http/errorPage.tsx), both from the same `ErrorAnswer`.
 */
export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ApiError & Record<string, unknown>;
}

export function classifyError(err: unknown, c: Context): ErrorAnswer {
  if (err instanceof ServiceError) {
    return answer(err.status, err.code, err.message, err.retryable, err.details);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'server_error' : 'bad_request');
    return answer(status, code, err.message || 'request refused', status >= 500 || status === 429);
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(input)',
      message: issue.message,
    }));
    return answer(400, 'invalid_request', 'invalid input', false, { issues });
  }
  const sqlState = sqlStateOf(err);
  if (sqlState) {
    // Class 22 (data exception: a value of the wrong kind or out of range) and 54 (a value too
    // big for an index or a row) come from what the request held.
    if (sqlState.startsWith('22') || sqlState.startsWith('54')) {
      return answer(400, 'invalid_request', 'the request holds a value the database cannot take', false);
    }
    // Serialization failures and deadlocks: the same request succeeds when tried again.
    if (sqlState === '40001' || sqlState === '40P01') {
      return answer(503, 'busy', 'the database was busy with a conflicting write: try again', true);
    }
    // 08: connection, 57P: the server shutting down or starting.
    if (sqlState.startsWith('08') || sqlState.startsWith('57P')) return databaseUnavailable();
  }
  if (isConnectionError(err)) return databaseUnavailable();
  console.error('[relance] unexpected error on', c.req.method, c.req.path, err);
  return answer(500, 'internal_error', 'something went wrong on the server', true);
}

/** The boundary: JSON `{ error, message, retryable, … }` on the API, a page on the dashboard. */
export const handleError: ErrorHandler = (err, c) => {
  const { status, body } = classifyError(err, c);
  if (typeof body.retryAfter === 'number') c.header('Retry-After', String(body.retryAfter));
  if (c.req.path === '/dashboard' || c.req.path.startsWith('/dashboard/')) {
    try {
      return dashboardErrorPage(c, status, body.error);
    } catch (pageError) {
      console.error('[relance] error page failed:', pageError);
      return c.text(body.message, status);
    }
  }
  return c.json(body, status);
};

export const notFound: NotFoundHandler = (c) =>
  c.json(
    { error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}`, retryable: false },
    404,
  );

const HTTP_CODES: Partial<Record<number, string>> = {
  400: 'malformed_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function answer(
  status: number,
  error: string,
  message: string,
  retryable: boolean,
  details: Record<string, unknown> = {},
): ErrorAnswer {
  return { status: status as ContentfulStatusCode, body: { error, message, retryable, ...details } };
}

function databaseUnavailable(): ErrorAnswer {
  return answer(503, 'database_unavailable', 'the database cannot be reached: try again later', true);
}

/** The PostgreSQL error code of a driver error (drizzle wraps it in `cause`), if it is one. */
function sqlStateOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECTION_\w+)$/.test(code))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
