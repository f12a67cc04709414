import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../../src/db/open';

/** Every table that holds what a team stored (the rate-limit counters are not data). */
const TEAM_TABLES = ['people', 'tokens', 'invites', 'activities', 'documents', 'note_revisions'] as const;

/**
 * A canonical text dump of what is stored: every row as JSON, sorted. `teamId` limits it to one
 * team (a shared PostgreSQL where other tests write at the same time); without it, everything.
 */
export async function dumpData(db: Database, teamId?: string): Promise<Record<string, string>> {
  const dump: Record<string, string> = {};
  for (const table of ['teams', ...TEAM_TABLES]) {
    const column = table === 'teams' ? 'id' : 'team_id';
    const where = teamId ? sql`where t.${sql.identifier(column)} = ${teamId}` : sql``;
    const [row] = rowsOf<{ rows: string }>(
      await db.execute(
        sql`select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]'::jsonb)::text as rows
              from ${sql.identifier(table)} t ${where}`,
      ),
    );
    dump[table] = row!.rows;
  }
  return dump;
}
