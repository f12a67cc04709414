import { type Activity, formatHlc, uuidv7 } from '@relance/shared';

/** Valid changes with fresh ids; override any field. */

export function activityChange(overrides: Partial<Activity> & Record<string, unknown> = {}) {
  return {
    kind: 'activity' as const,
    activity: {
      id: uuidv7(),
      type: 'call',
      clientId: overrides.clientId ?? uuidv7(),
      invoiceIds: [],
      date: '2026-03-12',
      at: '2026-03-12T09:30:00.000Z',
      outcome: 'promised to pay on Friday',
      ...overrides,
    },
  };
}

/** An HLC at `ms` (a plausible recent time by default) from `node`. */
export function hlc(ms: number, node = 'nodeA', counter = 0): string {
  return formatHlc({ ms, counter, node });
}

export const T0 = Date.UTC(2026, 2, 12, 9, 30);

export function noteChange(
  id: string,
  clientId: string,
  text: string,
  clock: string,
  extra: Record<string, unknown> = {},
) {
  return {
    kind: 'document' as const,
    docType: 'note' as const,
    id,
    hlc: clock,
    data: { id, clientId, text, ...extra },
  };
}

export function clientChange(id: string, name: string, clock: string) {
  return { kind: 'document' as const, docType: 'client' as const, id, hlc: clock, data: { id, name } };
}

export function invoiceChange(id: string, clientId: string, number: string, clock: string) {
  return {
    kind: 'document' as const,
    docType: 'invoice' as const,
    id,
    hlc: clock,
    data: {
      id,
      number,
      clientId,
      clientName: 'Client',
      amountDueCents: 123456,
      currency: 'EUR',
      dueDate: '2026-02-28',
    },
  };
}
