import { siteMappingRecord } from '@relance/shared';
import type { RelanceDb, SiteMappingRow } from '../db';
import type { SiteMapping } from '../messages';
import { nextHlc } from '../repo/clock';
import type { RepoContext } from '../repo/context';
import { enqueue } from '../repo/outbox';
import { siteMappingIdFor } from '../repo/stableIds';
import { describeIssues, UserError } from '../userError';

/**
 * Teach mode's mappings, one per host, shared by the team: a synced `siteMapping` document that any
 * member may write (team settings are for owners and leads only). Checked before they are kept:
 * they come from a page.
 */
export async function siteMappingFor(db: RelanceDb, host: string): Promise<SiteMapping | undefined> {
  const row = (await db.siteMappings.where('host').equals(host).toArray()).find((r) => !r.deleted);
  if (row) return toMessage(row);
  // Taught before mappings were synced, and not repaired yet.
  const byHost = (await db.getSetting('siteMappings'))?.byHost ?? {};
  return Object.hasOwn(byHost, host) ? byHost[host] : undefined;
}

export async function saveSiteMapping(ctx: RepoContext, input: SiteMapping): Promise<SiteMapping> {
  const { db } = ctx;
  const id = await siteMappingIdFor(String(input?.host ?? ''));
  const parsed = siteMappingRecord.safeParse({ ...input, id });
  if (!parsed.success) throw new UserError('invalid-mapping', describeIssues(parsed.error));
  await db.transaction('rw', db.siteMappings, db.outbox, db.syncState, async () => {
    const row: SiteMappingRow = { ...parsed.data, hlc: await nextHlc(db, ctx.now), deleted: false };
    await db.siteMappings.put(row);
    await enqueue(
      db,
      { kind: 'document', docType: 'siteMapping', id, hlc: row.hlc, deleted: false, data: parsed.data },
      ctx.now(),
    );
  });
  return toMessage(parsed.data);
}

function toMessage({ host, rowSelector, fields }: SiteMapping & { id?: string }): SiteMapping {
  return { host, ...(rowSelector ? { rowSelector } : {}), fields };
}
