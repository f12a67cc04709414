import type { RelanceDb } from '../db';

/** Who is writing, for local display until the server's own record comes back with the pull. */
export async function currentAuthor(db: RelanceDb): Promise<{ authorId?: string; authorName?: string }> {
  const account = await db.getState('account');
  return account ? { authorId: account.person.id, authorName: account.person.name } : {};
}
