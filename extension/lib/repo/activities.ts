import { type Activity, activity as activitySchema, todayLocal, uuidv7 } from '@relance/shared';
import type { ActivityInput } from '../messages';
import { describeIssues, UserError } from '../userError';
import { currentAuthor } from './author';
import type { RepoContext } from './context';
import { enqueue } from './outbox';

/**
 * Logs an activity (reminder sent, call, promise to pay...) and queues it for the server in the
 * same transaction. Activities are immutable; logging the same id again returns the first one, so a
 * content script may safely retry.
 */
export async function logActivity(ctx: RepoContext, input: ActivityInput): Promise<Activity> {
  const { db } = ctx;
  const now = ctx.now();
  const author = await currentAuthor(db);
  const parsed = activitySchema.safeParse({
    id: uuidv7(now.getTime()),
    date: todayLocal(now),
    at: now.toISOString(),
    ...input,
    ...author,
  });
  if (!parsed.success) throw new UserError('invalid-activity', describeIssues(parsed.error));
  const activity = parsed.data;
  return db.transaction('rw', db.activities, db.outbox, async () => {
    const existing = await db.activities.get(activity.id);
    if (existing) return existing;
    await db.activities.add(activity);
    // The server fills in the author from the token; what we would send is ignored anyway.
    const { authorId: _id, authorName: _name, ...sent } = activity;
    await enqueue(db, { kind: 'activity', activity: sent as Activity }, now);
    return activity;
  });
}
