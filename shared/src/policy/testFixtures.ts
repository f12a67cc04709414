// Builders for the policy tests: valid records (parsed by the real schemas), dates relative to a due date.
import { addDays } from '../dates';
import { type Activity, type ActivityOf, type ActivityType, activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import { type Invoice, invoice } from '../schemas/records';

export const uuidOf = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const CLIENT_ID = uuidOf(900);
export const INVOICE_ID = uuidOf(1);
export const DUE = '2025-03-10';

/** `DUE` + n days. */
export const day = (n: number, due: IsoDate = DUE) => addDays(due, n);

export function makeInvoice(fields: Partial<Invoice> = {}): Invoice {
  return invoice.parse({
    id: INVOICE_ID,
    number: 'F-2025-001',
    clientId: CLIENT_ID,
    clientName: 'Boulangerie Martin',
    totalCents: 100_000,
    amountDueCents: 100_000,
    currency: 'EUR',
    dueDate: DUE,
    ...fields,
  });
}

let nextActivity = 1000;

type Fields<T extends ActivityType> = Omit<
  ActivityOf<T>,
  'id' | 'clientId' | 'type' | 'date' | 'at' | 'invoiceIds'
> & {
  invoiceIds?: string[];
};

/** An activity of `type` dated `date`, concerning `INVOICE_ID` unless `invoiceIds` says otherwise. */
export function act<T extends ActivityType>(
  type: T,
  date: IsoDate,
  fields: Partial<Fields<T>> = {},
): Activity {
  nextActivity += 1;
  return activity.parse({
    id: uuidOf(nextActivity),
    clientId: CLIENT_ID,
    invoiceIds: [INVOICE_ID],
    date,
    at: `${date}T09:00:00.000Z`,
    type,
    ...fields,
  });
}

export const reminder = (
  date: IsoDate,
  stage: ActivityOf<'reminder'>['stage'],
  fields: Partial<Fields<'reminder'>> = {},
) => act('reminder', date, { stage, channel: 'email', ...fields });

export const payment = (
  date: IsoDate,
  amountCents: number,
  fields: Partial<Fields<'payment-received'>> = {},
) => act('payment-received', date, { amountCents, ...fields });
