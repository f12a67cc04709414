import type { Activity } from '../schemas/activity';

/**
 * Corrections and withdrawals (docs/architecture.md#sync-protocol: activities are immutable). A `void` activity says that
 * another activity no longer counts: logged by mistake, or replaced by a corrected one. The policy
 * engine, and so the badge, the popup, the compose panel and the dashboard, read the history
 * through `withoutVoided`; the timeline still shows both, the voided entry marked as withdrawn.
 * A void is final: voiding a void does not bring the entry back (log it again instead).
 */

/** The ids of the activities some void withdraws. */
export function voidedIds(activities: readonly Activity[]): Set<string> {
  const ids = new Set<string>();
  for (const a of activities) if (a.type === 'void') ids.add(a.voids);
  return ids;
}

/** The activities that still count: neither voided nor a void. */
export function withoutVoided<T extends Activity>(activities: readonly T[]): T[] {
  if (!activities.some((a) => a.type === 'void')) return activities as T[];
  const voided = voidedIds(activities);
  return activities.filter((a) => a.type !== 'void' && !voided.has(a.id));
}

/**
 * Only the author corrects or withdraws an entry: the person who logged it (by author id), or
 * anyone on an install working alone, where nothing carries an author.
 */
export function canVoid(activity: Activity, personId: string | undefined): boolean {
  if (activity.type === 'void') return false;
  if (activity.authorId === undefined) return true;
  return activity.authorId === personId;
}
