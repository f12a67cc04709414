import type { ActivityType, IsoDate } from '@relance/shared';
import { and, count, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { activities, documents } from '../../db/schema';
import { listPeople } from '../../services/people';

/** The columns of the per-person table, each a group of activity types. */
export const PERSON_COLUMNS = {
  reminders: ['reminder'],
  calls: ['call'],
  letters: ['letter', 'formal-notice'],
  promises: ['promise-to-pay'],
  payments: ['payment-received', 'payment-plan'],
  disputes: ['dispute-opened', 'dispute-resolved'],
  other: ['legal-action', 'comment'],
} as const satisfies Record<string, readonly ActivityType[]>;

/** A reminder that went out on paper is a letter, wherever it was logged from. */
const PAPER_CHANNELS: readonly string[] = ['letter', 'registered-letter', 'print'];

export type PersonColumn = keyof typeof PERSON_COLUMNS;
export const PERSON_COLUMN_IDS = Object.keys(PERSON_COLUMNS) as PersonColumn[];

export interface PersonActivity {
  personId: string;
  name: string;
  role: string;
  counts: Record<PersonColumn, number>;
  /** Notes written or edited in the period (counted by their last change). */
  notes: number;
  total: number;
}

/**
 * What each person of the team logged between `from` and `to` (inclusive business dates):
 * reminders sent, calls, promises obtained… Everyone in the team is listed, idle people too,
 * most active first.
 */
export async function personActivity(
  db: Database,
  teamId: string,
  period: { from: IsoDate; to: IsoDate },
): Promise<PersonActivity[]> {
  const noteDay = sql<string>`to_char(${documents.updatedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const channel = sql<string | null>`${activities.data}->>'channel'`;
  const [people, typeCounts, noteCounts] = await Promise.all([
    listPeople(db, teamId),
    db
      .select({ authorId: activities.authorId, type: activities.type, channel, n: count() })
      .from(activities)
      .where(
        and(
          eq(activities.teamId, teamId),
          gte(activities.date, period.from),
          lte(activities.date, period.to),
          // A withdrawn entry and its void count for no one (shared/src/policy/voids.ts).
          ne(activities.type, 'void'),
          sql`not exists (select 1 from ${activities} as v where v.team_id = ${activities.teamId} and v.type = 'void' and v.data->>'voids' = ${activities.id}::text)`,
        ),
      )
      .groupBy(activities.authorId, activities.type, channel),
    db
      .select({ authorId: documents.authorId, n: count() })
      .from(documents)
      .where(
        and(
          eq(documents.teamId, teamId),
          eq(documents.docType, 'note'),
          eq(documents.deleted, false),
          sql`${noteDay} >= ${period.from}`,
          sql`${noteDay} <= ${period.to}`,
        ),
      )
      .groupBy(documents.authorId),
  ]);

  const columnOf = new Map<string, PersonColumn>();
  for (const column of PERSON_COLUMN_IDS)
    for (const type of PERSON_COLUMNS[column]) columnOf.set(type, column);

  const rows = new Map<string, PersonActivity>(
    people.map((p) => [
      p.id,
      {
        personId: p.id,
        name: p.name,
        role: p.role,
        counts: Object.fromEntries(PERSON_COLUMN_IDS.map((c) => [c, 0])) as Record<PersonColumn, number>,
        notes: 0,
        total: 0,
      },
    ]),
  );
  for (const { authorId, type, channel: via, n } of typeCounts) {
    const row = rows.get(authorId);
    const column =
      type === 'reminder' && via && PAPER_CHANNELS.includes(via) ? 'letters' : columnOf.get(type);
    if (!row || !column) continue;
    row.counts[column] += Number(n);
    row.total += Number(n);
  }
  for (const { authorId, n } of noteCounts) {
    const row = rows.get(authorId);
    if (!row) continue;
    row.notes += Number(n);
    row.total += Number(n);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}
