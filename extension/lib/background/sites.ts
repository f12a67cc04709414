import type { RelanceDb, Site } from '../db';
import type { SiteView } from '../messages';
import { sitePattern } from '../sitePatterns';
import { UserError } from '../userError';

/**
 * The invoicing sites the person added (beyond localhost and the known platforms in the manifest).
 * The options page asks for the host permission at the moment a site is added (a user gesture is
 * needed); here the site is remembered and the overlay's script registered on it. Registrations
 * are made again at every start, since Firefox does not keep them and Chrome may lose them.
 */
export const INVOICING_SCRIPT = 'content-scripts/invoicing.js';

/** The part of `browser.scripting` and `browser.permissions` this needs (the fake browser has neither). */
export interface SiteApis {
  contains(origins: string[]): Promise<boolean>;
  removePermission(origins: string[]): Promise<boolean>;
  registeredIds(): Promise<string[]>;
  register(scripts: { id: string; matches: string[]; js: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export function browserSiteApis(b: typeof import('wxt/browser').browser): SiteApis {
  return {
    contains: (origins) => b.permissions.contains({ origins }),
    removePermission: (origins) => b.permissions.remove({ origins }),
    registeredIds: async () => (await b.scripting.getRegisteredContentScripts()).map((s) => s.id),
    register: (scripts) =>
      b.scripting.registerContentScripts(
        scripts.map((s) => ({ ...s, runAt: 'document_idle' as const, persistAcrossSessions: true })),
      ),
    unregister: (ids) => b.scripting.unregisterContentScripts({ ids }),
  };
}

const scriptId = (pattern: string) => `relance-site:${pattern}`;

async function stored(db: RelanceDb): Promise<Site[]> {
  return (await db.getSetting('sites'))?.sites ?? [];
}

export async function listSites(db: RelanceDb, apis: SiteApis): Promise<SiteView[]> {
  const registered = new Set(await apis.registeredIds());
  return Promise.all(
    (await stored(db)).map(async (site) => ({
      pattern: site.pattern,
      granted: await apis.contains([site.pattern]),
      registered: registered.has(scriptId(site.pattern)),
    })),
  );
}

export async function addSite(db: RelanceDb, apis: SiteApis, input: string, now: Date): Promise<SiteView[]> {
  const pattern = sitePattern(input);
  if (!(await apis.contains([pattern]))) {
    throw new UserError('permission-denied', `no permission for ${pattern}`);
  }
  const sites = await stored(db);
  if (!sites.some((s) => s.pattern === pattern)) {
    await db.setSetting('sites', { sites: [...sites, { pattern, addedAt: now.toISOString() }] });
  }
  await registerMissing(db, apis);
  return listSites(db, apis);
}

export async function removeSite(db: RelanceDb, apis: SiteApis, input: string): Promise<SiteView[]> {
  const pattern = sitePattern(input);
  await db.setSetting('sites', { sites: (await stored(db)).filter((s) => s.pattern !== pattern) });
  if ((await apis.registeredIds()).includes(scriptId(pattern))) await apis.unregister([scriptId(pattern)]);
  await apis.removePermission([pattern]).catch(() => false);
  return listSites(db, apis);
}

/**
 * Registers the overlay on every remembered site whose permission is still granted (the person may
 * have withdrawn it in the browser's settings: then the site waits, listed as not granted).
 */
export async function registerMissing(db: RelanceDb, apis: SiteApis): Promise<void> {
  const registered = new Set(await apis.registeredIds());
  const missing = [];
  for (const site of await stored(db)) {
    if (registered.has(scriptId(site.pattern))) continue;
    if (await apis.contains([site.pattern])) {
      missing.push({ id: scriptId(site.pattern), matches: [site.pattern], js: [INVOICING_SCRIPT] });
    }
  }
  if (missing.length > 0) await apis.register(missing);
}
