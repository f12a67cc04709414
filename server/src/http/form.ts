import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '@relance/shared';
import type { Context } from 'hono';
import { ServiceError } from '../services/errors';

/**
 * A form post's fields, or a 400 when the body is not the form it says it is (a multipart body
 * without its boundary, a broken encoding): `parseBody()` throws on those, and a throw that no
 * one sorted would be a 500. Files are ignored; text that cannot be stored is refused.
 */
export async function readForm(c: Context): Promise<Record<string, string>> {
  let parsed: Record<string, unknown>;
  try {
    parsed = (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    throw new ServiceError(400, 'malformed_request', 'the form body could not be read');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') continue;
    // The same rule as every other text input (`plainText` in @relance/shared).
    if (!isStorableText(key) || !isStorableText(value)) {
      throw new ServiceError(400, 'invalid_request', `${key.slice(0, 50)}: ${UNSTORABLE_TEXT_MESSAGE}`);
    }
    fields[key] = value;
  }
  return fields;
}
