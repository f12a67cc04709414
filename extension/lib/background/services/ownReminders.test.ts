import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../../messages';
import { markOwnReminders } from './ownReminders';

function summary(authorId?: string): ClientSummary {
  return {
    client: { id: 'c1', name: 'Pharmacie du Centre', emails: [] } as unknown as ClientSummary['client'],
    overdueCount: 1,
    overdueTotalCents: 100,
    currency: 'EUR',
    remindedRecently: false,
    invoices: [],
    lastReminder: {
      date: '2026-03-12',
      channel: 'gmail',
      authorName: 'Sophie',
      ...(authorId ? { authorId } : {}),
    },
  };
}

describe('markOwnReminders', () => {
  it("tells one's own last reminder from a teammate's", () => {
    expect(markOwnReminders([summary('me')], 'me')[0]!.lastReminder!.mine).toBe(true);
    expect(markOwnReminders([summary('paul')], 'me')[0]!.lastReminder!.mine).toBe(false);
    // Alone on this install, or a record made before the account: one's own.
    expect(markOwnReminders([summary('paul')], undefined)[0]!.lastReminder!.mine).toBe(true);
    expect(markOwnReminders([summary()], 'me')[0]!.lastReminder!.mine).toBe(true);
  });

  it('leaves a client never reminded as it is', () => {
    const never = { ...summary(), lastReminder: undefined };
    expect(markOwnReminders([never], 'me')[0]).toBe(never);
  });
});
