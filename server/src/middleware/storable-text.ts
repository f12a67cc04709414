import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '@relance/shared';
import { createMiddleware } from 'hono/factory';
import { ServiceError } from '../services/errors';

/**
 * Every query parameter, name and value, of every route (API and dashboard), is text the
 * database may be asked to compare: a NUL or half a surrogate pair is refused here with a 400,
 * by the same rule (`isStorableText`, behind `plainText` in @relance/shared) that every body's
 * text fields are validated with.
 */
export function refuseUnstorableQuery() {
  return createMiddleware(async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new ServiceError(400, 'invalid_request', 'the path is not valid percent-encoded UTF-8');
    }
    if (!isStorableText(path))
      throw new ServiceError(400, 'invalid_request', `path: ${UNSTORABLE_TEXT_MESSAGE}`);
    for (const [key, value] of url.searchParams) {
      if (!isStorableText(key) || !isStorableText(value)) {
        throw new ServiceError(400, 'invalid_request', `${key.slice(0, 50)}: ${UNSTORABLE_TEXT_MESSAGE}`, {
          issues: [{ path: key.slice(0, 50), message: UNSTORABLE_TEXT_MESSAGE }],
        });
      }
    }
    await next();
  });
}
