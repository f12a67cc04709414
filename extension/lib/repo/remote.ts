import { compareHlc, isUuidv7, type PulledChange, parseHlc, uuidv7Time } from '@relance/shared';
import { observeHlc } from './clock';
import type { RepoContext } from './context';
import { clientRow, invoiceRow, noteRow } from './documents';

/** Tables a transaction applying pulled changes must hold. */
export function remoteTables({ db }: RepoContext) {
  return [db.activities, db.invoices, db.clients, db.notes, db.settings, db.syncState];
}

/**
 * Applies one change pulled from the server, inside the caller's transaction (see remoteTables).
 * Activities are immutable: stored once by id, with the author the server recorded. Documents: the
 * write with the newest clock wins, whichever order the changes arrive in.
 *
 * Answers whether anything changed here: our own changes come back with the pull, and a change
 * already applied (a page pulled again) changes nothing.
 */
export async function applyRemoteChange(ctx: RepoContext, change: PulledChange): Promise<boolean> {
  const { db } = ctx;
  if (change.kind === 'activity') {
    const incoming = {
      ...change.activity,
      authorId: change.authorId ?? change.activity.authorId,
      authorName: change.authorName ?? change.activity.authorName,
    };
    const existing = await db.activities.get(incoming.id);
    if (!existing || existing.authorId !== incoming.authorId || existing.authorName !== incoming.authorName) {
      await db.activities.put(
        existing ? { ...existing, authorId: incoming.authorId, authorName: incoming.authorName } : incoming,
      );
      return true;
    }
    return false;
  }

  const newer = (local?: { hlc: string }) => !local || compareHlc(change.hlc, local.hlc) > 0;
  let changed = false;
  switch (change.docType) {
    case 'invoice':
      if (newer(await db.invoices.get(change.id))) {
        await db.invoices.put(invoiceRow({ ...change.data, id: change.id }, change.hlc, change.deleted));
        changed = true;
      }
      break;
    case 'client':
      if (newer(await db.clients.get(change.id))) {
        await db.clients.put(clientRow({ ...change.data, id: change.id }, change.hlc, change.deleted));
        changed = true;
      }
      break;
    case 'note': {
      const local = await db.notes.get(change.id);
      if (newer(local)) {
        const editedAt = new Date(parseHlc(change.hlc).ms).toISOString();
        const createdAt =
          local?.createdAt ??
          (isUuidv7(change.id) ? new Date(uuidv7Time(change.id)).toISOString() : editedAt);
        await db.notes.put(
          noteRow({ ...change.data, id: change.id }, change.hlc, createdAt, editedAt, change.deleted),
        );
        changed = true;
      }
      break;
    }
    case 'settings':
      // One settings document per team: the pulled one is ours whatever id we queued it under.
      if (newer(await db.getSetting('team'))) {
        await db.setSetting('team', { hlc: change.hlc, data: change.data });
        changed = true;
      }
      break;
  }
  await observeHlc(db, change.hlc, ctx.now);
  return changed;
}
