import type { RelanceDb } from '../../db';
import type { MessageMap, TimelineEntry } from '../../messages';
import { clientSchemaData } from './clientData';

/** A client's whole history, newest first: activities (by business date) and notes. */
export async function clientTimeline(
  db: RelanceDb,
  clientId: string,
): Promise<MessageMap['getClientTimeline']['response']> {
  const [client, activities, notes] = await Promise.all([
    db.clients.get(clientId),
    db.activities.where('clientId').equals(clientId).toArray(),
    db.notes.where('clientId').equals(clientId).toArray(),
  ]);
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
  return { ...(client && !client.deleted ? { client: clientSchemaData(client) } : {}), entries };
}
