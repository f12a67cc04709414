import { type SiteView, TAB_MESSAGES } from '@/lib/messages';
import { BUILT_IN_SITE_PATTERNS, patternCovers } from '@/lib/sitePatterns';
import type { PageTabs } from '@/lib/ui/tabs';

/** What happened when the popup asked the page to start teach mode, and what the person can do next. */
export type TeachOutcome =
  /** Teach mode runs on the page: the person now clicks the page. */
  | { kind: 'started' }
  /** The overlay should run here but is not in this tab yet (opened before the site was added). */
  | { kind: 'reload'; host: string }
  /** A web page Relance does not run on: the site can be added (its host, when the browser shows it). */
  | { kind: 'add-site'; host?: string }
  /** The browser's own pages, files, the store...: nothing to teach there. */
  | { kind: 'not-a-page' };

/**
 * Sends "start teach mode" to the active tab. Only the invoicing overlay listens for it, so a
 * message nobody receives means Relance does not run on that page; the tab's address then tells
 * whether a reload or adding the site is the way in.
 */
export async function startTeachMode(
  tabs: PageTabs,
  listSites: () => Promise<SiteView[]>,
): Promise<TeachOutcome> {
  const tab = await tabs.active();
  if (!tab) return { kind: 'not-a-page' };
  try {
    await tabs.send(tab.id, { type: TAB_MESSAGES.startTeachMode });
    return { kind: 'started' };
  } catch {
    // "Receiving end does not exist": no overlay in this tab.
  }
  if (!tab.url) return { kind: 'add-site' };
  let url: URL;
  try {
    url = new URL(tab.url);
  } catch {
    return { kind: 'not-a-page' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'not-a-page' };
  const covering = [
    ...BUILT_IN_SITE_PATTERNS,
    ...(await listSites()).filter((site) => site.granted).map((site) => site.pattern),
  ];
  if (covering.some((pattern) => patternCovers(pattern, tab.url!))) return { kind: 'reload', host: url.host };
  return { kind: 'add-site', host: url.hostname };
}
