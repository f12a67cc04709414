import { type Activity, formatHlc, type IsoDate, uuidv7 } from '@relance/shared';

/**
 * Valid sync changes for tests, one builder per kind: `<kind>Change(fields, clock?)`, fresh ids,
 * any field overridable. A document built without a clock carries none: the dashboard harness
 * stamps one when it pushes, any other push would rightly reject it.
 */

/** An activity (a call unless `type` says otherwise), dated `date` (default 12 March 2026). */
export function activityChange(fields: Partial<Activity> & Record<string, unknown> = {}) {
  const date = (fields.date as IsoDate | undefined) ?? '2026-03-12';
  return {
    kind: 'activity' as const,
    activity: {
      id: uuidv7(),
      type: 'call',
      clientId: fields.clientId ?? uuidv7(),
      invoiceIds: [],
      date,
      at: `${date}T09:30:00.000Z`,
      ...(fields.type === undefined || fields.type === 'call'
        ? { outcome: 'promised to pay on Friday' }
        : {}),
      ...fields,
    },
  };
}

function documentChange<T extends string, D extends { id: string }>(docType: T, data: D, clock?: string) {
  return {
    kind: 'document' as const,
    docType,
    id: data.id,
    ...(clock === undefined ? {} : { hlc: clock }),
    data,
  };
}

export function clientChange(
  fields: { id?: string; name?: string } & Record<string, unknown>,
  clock?: string,
) {
  return documentChange('client' as const, { name: 'Client', ...fields, id: fields.id ?? uuidv7() }, clock);
}

export function invoiceChange(
  fields: {
    id?: string;
    number?: string;
    clientId?: string;
    clientName?: string;
    amountDueCents?: number;
    currency?: string;
    dueDate?: IsoDate;
  } & Record<string, unknown>,
  clock?: string,
) {
  const data = {
    number: 'F-0001',
    clientName: 'Client',
    amountDueCents: 123456,
    currency: 'EUR',
    dueDate: '2026-02-28',
    ...fields,
    id: fields.id ?? uuidv7(),
  };
  return documentChange('invoice' as const, data, clock);
}

export function noteChange(
  fields: { id?: string; clientId?: string; text?: string } & Record<string, unknown>,
  clock?: string,
) {
  const data = { clientId: uuidv7(), text: 'Rappeler mardi', ...fields, id: fields.id ?? uuidv7() };
  return documentChange('note' as const, data, clock);
}

/** A hybrid logical clock at `ms` from `node`. */
export function hlc(ms: number, node = 'nodeA', counter = 0): string {
  return formatHlc({ ms, counter, node });
}

/** 12 March 2026, 09:30 UTC: the tests' "now" for clocks. */
export const T0 = Date.UTC(2026, 2, 12, 9, 30);
