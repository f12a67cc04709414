import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ServiceError } from '../services/errors';

/**
 * Every failure answers JSON `{ error, message }`. Expected ones (bad JSON, a service refusing)
 * keep their status; only a genuine bug becomes a 500, and its details stay in the server log.
 */
export const handleError: ErrorHandler = (err, c) => {
  if (err instanceof ServiceError) return c.json({ error: err.code, message: err.message }, err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 400 ? 'malformed_request' : status === 413 ? 'payload_too_large' : 'http_error';
    return c.json({ error: code, message: err.message || 'request refused' }, status);
  }
  console.error('[relance] unexpected error on', c.req.method, c.req.path, err);
  return c.json({ error: 'internal_error', message: 'something went wrong on the server' }, 500);
};

export const notFound: NotFoundHandler = (c) =>
  c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404);
