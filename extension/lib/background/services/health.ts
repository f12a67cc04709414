import type { RelanceDb } from '../../db';
import type { WebmailHealthEntry, WebmailHealthReport } from '../../messages';
import { UserError } from '../../userError';

/**
 * Breakage made visible, privately: when a webmail page shows a compose window its adapter cannot
 * read, the content script reports what is missing with the window's outline (tag and attribute
 * names). Kept on this install only (never synced); the popup shows it with a copyable report.
 */
const WEBMAILS = new Set(['gmail', 'outlook']);
const PROBLEMS = new Set(['recipients', 'send']);
const MAX_STRUCTURE = 6000;
/** Names only: tags, attribute names, brackets, commas, indentation. A value or a sentence does not fit. */
const OUTLINE = /^[A-Za-z0-9_:.\-[\], \n]*$/;
const MAX_ENTRIES = 20;

export function checkedReport(report: unknown): WebmailHealthReport {
  const r = report as Partial<WebmailHealthReport> | null;
  if (
    !r ||
    typeof r.webmail !== 'string' ||
    !WEBMAILS.has(r.webmail) ||
    !Array.isArray(r.problems) ||
    r.problems.length === 0 ||
    !r.problems.every((p) => typeof p === 'string' && PROBLEMS.has(p)) ||
    typeof r.structure !== 'string' ||
    r.structure.length > MAX_STRUCTURE ||
    !OUTLINE.test(r.structure)
  ) {
    throw new UserError(
      'invalid-report',
      'a health report holds a webmail, its problems and an outline of names',
    );
  }
  const problems = [...new Set(r.problems)].sort() as WebmailHealthReport['problems'];
  return { webmail: r.webmail, problems, structure: r.structure };
}

/** Stores one report: the same breakage again counts up and keeps the latest outline. */
export async function recordHealth(db: RelanceDb, report: unknown, now: Date): Promise<WebmailHealthEntry> {
  const checked = checkedReport(report);
  const id = `${checked.webmail}:${checked.problems.join('+')}`;
  const at = now.toISOString();
  return db.transaction('rw', db.health, async () => {
    const existing = await db.health.get(id);
    const entry: WebmailHealthEntry = {
      ...checked,
      id,
      count: (existing?.count ?? 0) + 1,
      firstAt: existing?.firstAt ?? at,
      lastAt: at,
    };
    await db.health.put(entry);
    const all = await db.health.orderBy('lastAt').toArray();
    if (all.length > MAX_ENTRIES)
      await db.health.bulkDelete(all.slice(0, all.length - MAX_ENTRIES).map((e) => e.id));
    return entry;
  });
}

/** Newest first. */
export async function listHealth(db: RelanceDb): Promise<WebmailHealthEntry[]> {
  return (await db.health.orderBy('lastAt').toArray()).reverse();
}

export async function clearHealth(db: RelanceDb): Promise<void> {
  await db.health.clear();
}
