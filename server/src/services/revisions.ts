import { compareHlc } from '@relance/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { documents, noteRevisions, people } from '../db/schema';
import { ServiceError } from './errors';

export interface NoteRevision {
  hlc: string;
  text: string;
  deleted: boolean;
  authorId: string;
  authorName: string | null;
  /** When the server received it. */
  at: string;
  /** True for the revision the note currently shows (the newest clock). */
  current: boolean;
}

/** Every revision of a note of this team, newest clock first; 404 when the team has no such note. */
export async function listNoteRevisions(
  db: Database,
  teamId: string,
  noteId: string,
): Promise<{ noteId: string; revisions: NoteRevision[] }> {
  const rows = await db
    .select({
      hlc: noteRevisions.hlc,
      text: noteRevisions.text,
      deleted: noteRevisions.deleted,
      authorId: noteRevisions.authorId,
      authorName: people.name,
      createdAt: noteRevisions.createdAt,
    })
    .from(noteRevisions)
    .leftJoin(people, eq(people.id, noteRevisions.authorId))
    .where(and(eq(noteRevisions.teamId, teamId), eq(noteRevisions.noteId, noteId)));
  if (rows.length === 0) throw new ServiceError(404, 'not_found', 'no such note in this team');
  const [doc] = await db
    .select({ hlc: documents.hlc })
    .from(documents)
    .where(and(eq(documents.teamId, teamId), eq(documents.docType, 'note'), eq(documents.id, noteId)));
  // Sorted here, not in SQL, so that no database collation can reorder the clocks.
  rows.sort((a, b) => compareHlc(b.hlc, a.hlc));
  return {
    noteId,
    revisions: rows.map(({ createdAt, ...r }) => ({
      ...r,
      at: createdAt.toISOString(),
      current: r.hlc === doc?.hlc,
    })),
  };
}
