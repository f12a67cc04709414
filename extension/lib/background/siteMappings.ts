import { z } from 'zod';
import type { RelanceDb } from '../db';
import type { SiteMapping } from '../messages';
import { describeIssues, UserError } from '../userError';

/** Teach mode's mappings, one per host, checked before they are kept (they come from a page). */
const selector = z.string().min(1).max(1000);
const siteMapping = z.object({
  host: z.string().min(1).max(255),
  rowSelector: selector,
  fields: z.object({ number: selector, client: selector, amount: selector, dueDate: selector }),
});

export async function siteMappingFor(db: RelanceDb, host: string): Promise<SiteMapping | undefined> {
  const byHost = (await db.getSetting('siteMappings'))?.byHost ?? {};
  return Object.hasOwn(byHost, host) ? byHost[host] : undefined;
}

export async function saveSiteMapping(db: RelanceDb, input: SiteMapping): Promise<SiteMapping> {
  const parsed = siteMapping.safeParse(input);
  if (!parsed.success) throw new UserError('invalid-mapping', describeIssues(parsed.error));
  await db.transaction('rw', db.settings, async () => {
    const byHost = (await db.getSetting('siteMappings'))?.byHost ?? {};
    await db.setSetting('siteMappings', { byHost: { ...byHost, [parsed.data.host]: parsed.data } });
  });
  return parsed.data;
}
