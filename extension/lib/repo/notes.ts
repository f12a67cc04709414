import { note as noteSchema, uuidv7 } from '@relance/shared';
import type { NoteRow } from '../db';
import { describeIssues, UserError } from '../userError';
import { currentAuthor } from './author';
import { nextHlc } from './clock';
import type { RepoContext } from './context';
import { noteChange, noteRow } from './documents';
import { enqueue } from './outbox';

/** Notes are documents: editable, the newest edit wins, and the server keeps earlier revisions. */
export async function addNote(
  ctx: RepoContext,
  input: { clientId: string; invoiceId?: string; text: string },
): Promise<NoteRow> {
  const now = ctx.now();
  const author = await currentAuthor(ctx.db);
  const data = validNote({ id: uuidv7(now.getTime()), ...input, ...author });
  return writeNote(ctx, (hlc) => noteRow(data, hlc, now.toISOString(), now.toISOString()));
}

export async function updateNote(ctx: RepoContext, noteId: string, text: string): Promise<NoteRow> {
  const { db } = ctx;
  const now = ctx.now();
  const author = await currentAuthor(db);
  const existing = await db.notes.get(noteId);
  if (!existing || existing.deleted) throw new UserError('unknown-note', `no note ${noteId}`);
  const data = validNote({ ...noteSchema.parse(existing), text, ...author });
  return writeNote(ctx, (hlc) => noteRow(data, hlc, existing.createdAt, now.toISOString()));
}

async function writeNote(ctx: RepoContext, build: (hlc: string) => NoteRow): Promise<NoteRow> {
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.outbox, db.syncState, async () => {
    const row = build(await nextHlc(db, ctx.now));
    await db.notes.put(row);
    await enqueue(db, noteChange(row), ctx.now());
    return row;
  });
}

function validNote(input: unknown) {
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) throw new UserError('invalid-note', describeIssues(parsed.error));
  if (parsed.data.text.trim() === '') throw new UserError('empty-note', 'a note needs some text');
  return parsed.data;
}
