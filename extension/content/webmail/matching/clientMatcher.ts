import type { ClientSummary, Send } from '../../../lib/messages';
import { normaliseAddress } from '../adapters/addresses';
import type { Recipient } from '../adapters/types';

/** How long an answer about a set of addresses is reused (recipients are re-read on every change). */
const CACHE_MS = 30_000;

/**
 * Recipients → clients, by the addresses the team knows for each client (read on invoice pages,
 * learned from reminders sent through Relance, set by hand in the panel). The background answers;
 * the same set of addresses is asked about once, however often the compose window changes.
 */
export class ClientMatcher {
  private readonly cache = new Map<string, { at: number; answer: Promise<ClientSummary[]> }>();

  constructor(
    private readonly send: Send,
    private readonly now: () => number = Date.now,
  ) {}

  match(emails: readonly string[]): Promise<ClientSummary[]> {
    const wanted = [...new Set(emails.map(normaliseAddress))].filter(Boolean).sort();
    if (wanted.length === 0) return Promise.resolve([]);
    const key = wanted.join(',');
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < CACHE_MS) return cached.answer;
    const answer = this.send({ type: 'findClientsByEmail', emails: wanted }).then((r) => r.clients);
    // A failed answer is not kept: the next change asks again.
    answer.catch(() => this.cache.delete(key));
    this.cache.set(key, { at: this.now(), answer });
    return answer;
  }

  /** After a reminder, an assignment or a sync: the next question goes to the background. */
  forget(): void {
    this.cache.clear();
  }
}

/**
 * The clients the panel is about: those with overdue invoices, the ones written to directly (To)
 * first, then in the order their addresses appear, then the largest amount overdue.
 */
export function clientsWithOverdue(summaries: ClientSummary[], recipients: Recipient[]): ClientSummary[] {
  const rank = (summary: ClientSummary) => {
    const known = new Set(summary.client.emails.map(normaliseAddress));
    const index = recipients.findIndex((r) => known.has(r.email));
    const direct = recipients.some((r) => known.has(r.email) && r.field === 'to');
    return { direct, index: index === -1 ? Number.MAX_SAFE_INTEGER : index };
  };
  return summaries
    .filter((s) => s.overdueCount > 0)
    .map((summary) => ({ summary, ...rank(summary) }))
    .sort(
      (a, b) =>
        Number(b.direct) - Number(a.direct) ||
        a.index - b.index ||
        b.summary.overdueTotalCents - a.summary.overdueTotalCents,
    )
    .map((r) => r.summary);
}

/** Recipients no client is known by (candidates for "this address belongs to…"). */
export function unknownRecipients(summaries: ClientSummary[], recipients: Recipient[]): Recipient[] {
  const known = new Set(summaries.flatMap((s) => s.client.emails.map(normaliseAddress)));
  return recipients.filter((r) => !known.has(r.email));
}
