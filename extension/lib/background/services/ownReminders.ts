import type { ClientSummary } from '../../messages';

/**
 * Marks each client's last reminder as the signed-in person's own (the webmail panel then says
 * "You reminded this client on …" instead of naming a teammate). On an install alone, and for
 * records made before the account existed (no author), the reminder is this person's.
 */
export function markOwnReminders(clients: ClientSummary[], me: string | undefined): ClientSummary[] {
  return clients.map((summary) => {
    const last = summary.lastReminder;
    if (!last) return summary;
    const mine = me === undefined || last.authorId === undefined || last.authorId === me;
    return { ...summary, lastReminder: { ...last, mine } };
  });
}
