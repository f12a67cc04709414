import { DEFAULT_TIME_ZONE, isTimeZone, type Language } from '@relance/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { documents } from '../../db/schema';

/** The team's time zone (team setting `timeZone`), Paris for teams that never chose one. */
export async function teamTimeZone(db: Database, teamId: string): Promise<string> {
  const [row] = await db
    .select({ data: documents.data })
    .from(documents)
    .where(and(eq(documents.teamId, teamId), eq(documents.docType, 'settings'), eq(documents.id, teamId)))
    .limit(1);
  const zone = (row?.data as { timeZone?: unknown } | undefined)?.timeZone;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** `14:05`: the time of day of an instant in a time zone, the local way. */
export function timeOfDay(instant: string, timeZone: string, lang: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
