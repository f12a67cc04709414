import type { PulledChange, PullResponse } from '@relance/shared';
import { eq, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/open';
import { teams } from '../../db/schema';
import { ServiceError } from '../errors';

interface PulledRow {
  kind: 'activity' | 'document';
  version: string | number;
  doc_type: string | null;
  id: string;
  hlc: string | null;
  deleted: boolean | null;
  data: Record<string, unknown>;
  author_id: string;
  author_name: string | null;
}

/**
 * The team's changes with a version above `since`, oldest first, at most `limit` of them.
 * A document appears once, in its latest state, under the version of its latest write: a document
 * rewritten after the cursor moved past it comes back later under its new version, never skipped.
 */
export async function pullChanges(
  db: Database,
  teamId: string,
  since: number,
  limit: number,
): Promise<Omit<PullResponse, 'schemaVersion'>> {
  // Each branch takes its first rows along its (team_id, version) index before they are merged:
  // a page costs the same at the start of a million-row history as at its end.
  const result = await db.execute(sql`
    select * from (
      (select 'activity' as kind, a.version, null as doc_type, a.id::text as id, null as hlc, null as deleted,
              a.data, a.author_id::text as author_id, p.name as author_name
         from activities a left join people p on p.id = a.author_id
        where a.team_id = ${teamId} and a.version > ${since}
        order by a.version
        limit ${limit + 1})
      union all
      (select 'document', d.version, d.doc_type, d.id::text, d.hlc, d.deleted,
              d.data, d.author_id::text, p.name
         from documents d left join people p on p.id = d.author_id
        where d.team_id = ${teamId} and d.version > ${since}
        order by d.version
        limit ${limit + 1})
    ) page
    order by version
    limit ${limit + 1}`);
  const rows = rowsOf<PulledRow>(result);
  if (rows.length === 0 && since > 0) await refuseCursorAhead(db, teamId, since);
  const page = rows.slice(0, limit);
  const changes = page.map(toPulledChange);
  return {
    changes,
    cursor: changes.length > 0 ? changes[changes.length - 1]!.version : since,
    hasMore: rows.length > limit,
  };
}

/**
 * A cursor above anything this team ever stored (the database was restored from an older backup,
 * or the client mixed up servers) would silently get nothing for ever: answered 409
 * `cursor_ahead` with `reset: true`, the client starts again from 0 (re-applying is harmless).
 * Checked only when a page comes back empty, so an ordinary pull pays nothing for it.
 */
async function refuseCursorAhead(db: Database, teamId: string, since: number): Promise<void> {
  const [team] = await db.select({ version: teams.version }).from(teams).where(eq(teams.id, teamId));
  const serverCursor = team?.version ?? 0;
  if (since <= serverCursor) return;
  throw new ServiceError(
    409,
    'cursor_ahead',
    `the cursor ${since} is beyond this team's latest change (${serverCursor}): pull again from 0`,
    { reset: true, serverCursor },
  );
}

function toPulledChange(row: PulledRow): PulledChange {
  const version = Number(row.version);
  const author = {
    authorId: row.author_id,
    ...(row.author_name !== null ? { authorName: row.author_name } : {}),
  };
  if (row.kind === 'activity') {
    return { kind: 'activity', activity: row.data, version, ...author } as unknown as PulledChange;
  }
  return {
    kind: 'document',
    docType: row.doc_type,
    id: row.id,
    hlc: row.hlc,
    deleted: row.deleted,
    data: row.data,
    version,
    ...author,
  } as unknown as PulledChange;
}
