import { historyType, isoDate, plainText, uuid } from '@relance/shared';
import { z } from 'zod';
import { AGE_BUCKET_IDS } from '../figures/ageBuckets';

/**
 * Query parameters of the dashboard's GET forms. A form sends empty fields as `x=`, and a link
 * may be mistyped: an empty or invalid value is simply ignored, as if absent, never a 400 page.
 */
const lenient = <S extends z.ZodType>(schema: S) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), schema.optional())
    .catch(undefined);

export const historyParams = z.object({
  clientId: lenient(uuid),
  personId: lenient(uuid),
  type: lenient(historyType),
  from: lenient(isoDate),
  to: lenient(isoDate),
  // Not lenient: text the database cannot take (NUL, half a surrogate pair) is a 400 page, by the
  // same schema as the API's `q`; a longer search is cut to its first 200 characters.
  q: z.preprocess(
    (v) => (typeof v === 'string' ? cut(v.trim(), 200) || undefined : v),
    plainText(200).optional(),
  ),
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
});
export type HistoryParams = z.infer<typeof historyParams>;

/** The first `max` UTF-16 units, never ending on the first half of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

export const overdueParams = z.object({
  bucket: lenient(z.enum(AGE_BUCKET_IDS)),
  clientId: lenient(uuid),
});
export type OverdueParams = z.infer<typeof overdueParams>;

export const periodParams = z.object({ from: lenient(isoDate), to: lenient(isoDate) });

export const pageParam = z.object({ page: lenient(z.coerce.number().int().min(1).max(100_000)) });

/** Where to go after signing in: a dashboard path of this server only, never another site. */
export function safeNext(next: string | undefined): string | undefined {
  if (next === undefined || !next.startsWith('/dashboard')) return undefined;
  if (next.startsWith('//') || /[\\\r\n]/.test(next)) return undefined;
  return next;
}
