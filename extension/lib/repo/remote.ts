import { compareHlc, isUuidv7, type PulledChange, parseHlc, uuidv7Time } from '@relance/shared';
import { observeHlc } from './clock';
import type { RepoContext } from './context';
import { clientRow, invoiceRow, noteRow } from './documents';
import { applyPulledMerge, resolveMerged } from './merges';

/** Tables a transaction applying pulled changes must hold. */
export function remoteTables({ db }: RepoContext) {
  return [
    db.activities,
    db.invoices,
    db.clients,
    db.notes,
    db.settings,
    db.syncState,
    db.merges,
    db.siteMappings,
  ];
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
    // Activities keep the ids they were written with: read them through the team's merges.
    const ids = await resolveMerged(db, [change.activity.clientId, ...change.activity.invoiceIds]);
    const incoming = {
      ...change.activity,
      clientId: ids.get(change.activity.clientId)!,
      invoiceIds: [...new Set(change.activity.invoiceIds.map((id) => ids.get(id)!))],
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
        const ids = await resolveMerged(db, [change.id, change.data.clientId ?? change.id]);
        // A record merged away stays a tombstone, whoever writes it again (an older install).
        const deleted = change.deleted || ids.get(change.id) !== change.id;
        const clientId = change.data.clientId ? ids.get(change.data.clientId) : undefined;
        await db.invoices.put(
          invoiceRow(
            { ...change.data, id: change.id, ...(clientId ? { clientId } : {}) },
            change.hlc,
            deleted,
          ),
        );
        changed = true;
      }
      break;
    case 'client':
      if (newer(await db.clients.get(change.id))) {
        const merged = (await resolveMerged(db, [change.id])).get(change.id) !== change.id;
        await db.clients.put(
          clientRow({ ...change.data, id: change.id }, change.hlc, change.deleted || merged),
        );
        changed = true;
      }
      break;
    case 'merge':
      if (newer(await db.merges.get(change.id))) {
        await applyPulledMerge(db, {
          ...change.data,
          id: change.id,
          hlc: change.hlc,
          deleted: change.deleted,
        });
        changed = true;
      }
      break;
    case 'siteMapping':
      if (newer(await db.siteMappings.get(change.id))) {
        await db.siteMappings.put({
          ...change.data,
          id: change.id,
          hlc: change.hlc,
          deleted: change.deleted,
        });
        changed = true;
      }
      break;
    case 'note': {
      const local = await db.notes.get(change.id);
      if (newer(local)) {
        const ids = await resolveMerged(db, [
          change.data.clientId,
          change.data.invoiceId ?? change.data.clientId,
        ]);
        change.data.clientId = ids.get(change.data.clientId)!;
        if (change.data.invoiceId) change.data.invoiceId = ids.get(change.data.invoiceId)!;
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
