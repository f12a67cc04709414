import { type Activity, canVoid } from '@relance/shared';
import type { ActivityInput } from '../../messages';
import { logActivity } from '../../repo/activities';
import type { RepoContext } from '../../repo/context';
import { UserError } from '../../userError';

/**
 * Withdraws an entry of a client's timeline, or corrects it: a `void` activity (activities stay
 * immutable), then the corrected activity when one is given. Only its author may: the person who
 * logged it, or anyone on an install working alone.
 */
export async function voidActivity(
  ctx: RepoContext,
  request: { activityId: string; reason?: string; replacement?: ActivityInput },
): Promise<{ void: Activity; replacement?: Activity }> {
  const { db } = ctx;
  const target = await db.activities.get(String(request.activityId));
  if (!target) throw new UserError('unknown-activity', `no activity ${String(request.activityId)}`);
  const account = await db.getState('account');
  if (!canVoid(target, account?.person.id)) {
    throw new UserError('not-your-entry', 'only the person who logged an entry can correct or withdraw it');
  }
  const already = await db.activities
    .where('clientId')
    .equals(target.clientId)
    .filter((a) => a.type === 'void' && a.voids === target.id)
    .first();
  if (already) throw new UserError('already-withdrawn', 'this entry was already withdrawn');
  if (request.replacement && request.replacement.clientId !== target.clientId) {
    throw new UserError('invalid-activity', 'a correction belongs to the same client');
  }
  // The correction first, so that the void can name it; both are queued for the server.
  const replacement = request.replacement ? await logActivity(ctx, request.replacement) : undefined;
  const reason = request.reason?.trim();
  const logged = await logActivity(ctx, {
    type: 'void',
    clientId: target.clientId,
    invoiceIds: target.invoiceIds,
    voids: target.id,
    voidedType: target.type,
    voidedDate: target.date,
    ...(replacement ? { replacedBy: replacement.id } : {}),
    ...(reason ? { comment: reason.slice(0, 20_000) } : {}),
  });
  return { void: logged, ...(replacement ? { replacement } : {}) };
}
