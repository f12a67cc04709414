import type { SiteApis } from '../lib/background/sites';

/** In-memory permissions and content-script registrations (the fake browser has neither). */
export function fakeSiteApis(granted: string[] = []) {
  const permissions = new Set(granted);
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const apis: SiteApis = {
    contains: async (origins) => origins.every((o) => permissions.has(o)),
    removePermission: async (origins) => {
      for (const o of origins) permissions.delete(o);
      return true;
    },
    registeredIds: async () => [...scripts.keys()],
    register: async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    unregister: async (ids) => {
      for (const id of ids) scripts.delete(id);
    },
  };
  return { apis, permissions, scripts };
}
