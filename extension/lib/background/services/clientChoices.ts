import type { IsoDate, TeamSettings } from '@relance/shared';
import type { ClientRow, RelanceDb } from '../../db';
import type { ClientChoice } from '../../messages';
import { updateClient } from '../../repo/clients';
import type { RepoContext } from '../../repo/context';
import { normaliseEmail, normaliseName } from '../../repo/names';
import { UserError } from '../../userError';
import { activitiesByClient, evaluateWithActivities } from './policy';

const MAX_CHOICES = 20;

/**
 * Clients whose name contains the query (case and accents aside; every client when it is empty),
 * those with the most overdue invoices first (by the policy, as everywhere: receivable.ts): the
 * webmail panel's "this address belongs to…".
 */
export async function searchClients(
  db: RelanceDb,
  query: string,
  settings: TeamSettings,
  today: IsoDate,
): Promise<ClientChoice[]> {
  const wanted = normaliseName(String(query ?? ''));
  const clients = (await db.clients.toArray()).filter(
    (c: ClientRow) => !c.deleted && (!wanted || c.nameKey.includes(wanted)),
  );
  const ids = clients.map((c) => c.id);
  const [invoices, activities] = await Promise.all([
    ids.length ? db.invoices.where('clientId').anyOf(ids).toArray() : [],
    activitiesByClient(db, ids),
  ]);
  const overdue = new Map<string, number>();
  const live = invoices.filter((i) => !i.deleted);
  for (const { invoice, receivable } of evaluateWithActivities(live, activities, settings, today)) {
    if (receivable.overdue && invoice.clientId) {
      overdue.set(invoice.clientId, (overdue.get(invoice.clientId) ?? 0) + 1);
    }
  }
  return clients
    .map((c) => ({ id: c.id, name: c.name, overdueCount: overdue.get(c.id) ?? 0 }))
    .sort((a, b) => b.overdueCount - a.overdueCount || a.name.localeCompare(b.name))
    .slice(0, MAX_CHOICES);
}

/** Adds an address to a client's known e-mails (already there: nothing changes, nothing is queued). */
export async function assignEmailToClient(
  ctx: RepoContext,
  clientId: string,
  email: string,
): Promise<ClientRow> {
  const address = normaliseEmail(String(email ?? ''));
  const existing = await ctx.db.clients.get(String(clientId));
  if (!existing || existing.deleted) throw new UserError('unknown-client', `no client ${clientId}`);
  if (existing.emails.includes(address)) return existing;
  return updateClient(ctx, existing.id, { emails: [...existing.emails, address] });
}
