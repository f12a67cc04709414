import { daysBetween, type TeamSettings } from '@relance/shared';
import type { RelanceDb } from '../../db';
import type { ClientSummary } from '../../messages';
import { normaliseEmail } from '../../repo/names';
import { clientSchemaData } from './clientData';
import { activitiesByClient, evaluateWithActivities, isOverdue } from './policy';
import { latestReminder } from './reminders';

/**
 * The clients behind e-mail addresses (the webmail panel asks with a compose window's recipients),
 * with their overdue invoices and whether someone reminded them within the team's quiet period.
 */
export async function findClientsByEmail(
  db: RelanceDb,
  emails: string[],
  settings: TeamSettings,
  today: string,
): Promise<ClientSummary[]> {
  const wanted = [...new Set(emails.map(normaliseEmail))].filter(Boolean);
  if (wanted.length === 0) return [];
  const found = await db.clients.where('emails').anyOf(wanted).distinct().toArray();
  const clients = found.filter((c) => !c.deleted);
  const ids = clients.map((c) => c.id);
  const [activities, allInvoices, account] = await Promise.all([
    activitiesByClient(db, ids),
    ids.length ? db.invoices.where('clientId').anyOf(ids).toArray() : [],
    db.getState('account'),
  ]);
  const me = account?.person.id;

  const summaries: ClientSummary[] = [];
  for (const client of clients) {
    const invoices = allInvoices.filter((i) => i.clientId === client.id && !i.deleted);
    const evaluated = evaluateWithActivities(invoices, activities, settings, today);
    const overdue = evaluated.filter(isOverdue);
    const currency = overdue[0]?.invoice.currency ?? invoices[0]?.currency ?? 'EUR';
    const last = latestReminder(activities.get(client.id) ?? []);
    // The warning is about teammates: never about one's own reminder, nor on an install alone.
    const teammates = latestReminder(
      (activities.get(client.id) ?? []).filter(
        (a) => me !== undefined && a.authorId !== undefined && a.authorId !== me,
      ),
    );
    summaries.push({
      client: clientSchemaData(client),
      overdueCount: overdue.length,
      overdueTotalCents: overdue
        .filter((e) => e.invoice.currency === currency)
        .reduce((sum, e) => sum + e.receivable.outstandingCents, 0),
      currency,
      ...(last ? { lastReminder: last } : {}),
      remindedRecently: !!teammates && daysBetween(teammates.date, today) < settings.quietPeriodDays,
      invoices: evaluated.filter((e) => !e.state.closed).map((e) => e.view),
    });
  }
  return summaries;
}
