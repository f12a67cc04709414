import { canVoid, type TeamSettings, voidedIds } from '@relance/shared';
import type { RelanceDb } from '../../db';
import type { MessageMap, TimelineEntry } from '../../messages';
import { clientSchemaData } from './clientData';
import { evaluateInvoices } from './policy';

/**
 * A client's whole history, newest first: activities (by business date) and notes; which entries
 * were withdrawn and which this person may correct (their own); and the client's open invoices,
 * that a promise or a dispute may cover.
 */
export async function clientTimeline(
  db: RelanceDb,
  clientId: string,
  settings: TeamSettings,
  today: string,
): Promise<MessageMap['getClientTimeline']['response']> {
  const [client, activities, notes, invoiceRows, account] = await Promise.all([
    db.clients.get(clientId),
    db.activities.where('clientId').equals(clientId).toArray(),
    db.notes.where('clientId').equals(clientId).toArray(),
    db.invoices.where('clientId').equals(clientId).toArray(),
    db.getState('account'),
  ]);
  const voided = voidedIds(activities);
  const evaluated = await evaluateInvoices(
    db,
    invoiceRows.filter((i) => !i.deleted),
    settings,
    today,
  );
  const entries: TimelineEntry[] = [
    ...activities.map(
      (activity): TimelineEntry => ({
        kind: 'activity',
        sortKey: `${activity.date}|${activity.at}`,
        activity,
      }),
    ),
    ...notes
      .filter((n) => !n.deleted)
      .map(
        (n): TimelineEntry => ({
          kind: 'note',
          sortKey: `${n.createdAt.slice(0, 10)}|${n.createdAt}`,
          note: {
            id: n.id,
            clientId: n.clientId,
            ...(n.invoiceId ? { invoiceId: n.invoiceId } : {}),
            text: n.text,
            ...(n.authorName ? { authorName: n.authorName } : {}),
            createdAt: n.createdAt,
            updatedAt: n.updatedAt,
          },
        }),
      ),
  ];
  entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  return {
    ...(client && !client.deleted ? { client: clientSchemaData(client) } : {}),
    entries,
    invoices: evaluated
      .filter((e) => e.receivable.open)
      .map((e) => e.view)
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
    voided: [...voided],
    mine: activities.filter((a) => !voided.has(a.id) && canVoid(a, account?.person.id)).map((a) => a.id),
  };
}
