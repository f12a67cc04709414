import type { IsoDate } from '@relance/shared';
import { firmestStage, isStageId, type StageId } from '@relance/shared/vocabulary';
import type {
  AnyRequest,
  ClientSummary,
  InvoicePolicyView,
  LastReminder,
  PreparedReminder,
  ResponseOf,
  Send,
} from '../../../lib/messages';

export interface FakeClient {
  id: string;
  name: string;
  emails: string[];
  invoices: InvoicePolicyView[];
  lastReminder?: LastReminder;
  remindedRecently?: boolean;
}

export function overdueInvoice(
  clientId: string,
  number: string,
  daysOverdue: number,
  amountDueCents: number,
  stage: InvoicePolicyView['stage'] = 'reminder-1',
): InvoicePolicyView {
  return {
    invoiceId: `00000000-0000-7000-8000-${number.replace(/\D/g, '').padStart(12, '0')}`,
    clientId,
    number,
    clientName: clientId,
    amountDueCents,
    outstandingCents: amountDueCents,
    currency: 'EUR',
    dueDate: '2026-01-01' as IsoDate,
    daysOverdue,
    stage,
    actionDue: true,
  };
}

/**
 * A background that answers the webmail overlay's messages from a list of clients, and records
 * every request (what the overlay asked, what it logged).
 */
export function fakeBackend(clients: FakeClient[]) {
  const requests: AnyRequest[] = [];
  const dismissed = new Set<string>();
  const summary = (c: FakeClient): ClientSummary => {
    const overdue = c.invoices.filter((i) => i.daysOverdue > 0);
    return {
      client: { id: c.id, name: c.name, emails: c.emails },
      overdueCount: overdue.length,
      overdueTotalCents: overdue.reduce((sum, i) => sum + i.amountDueCents, 0),
      currency: 'EUR',
      ...(c.lastReminder ? { lastReminder: c.lastReminder } : {}),
      remindedRecently: c.remindedRecently ?? false,
      invoices: c.invoices,
    };
  };
  const answer = (request: AnyRequest): unknown => {
    switch (request.type) {
      case 'findClientsByEmail':
        return {
          clients: clients.filter((c) => c.emails.some((e) => request.emails.includes(e))).map(summary),
        };
      case 'prepareReminder': {
        const client = clients.find((c) => c.invoices.some((i) => request.invoiceIds.includes(i.invoiceId)));
        if (!client) throw new Error('unknown invoices');
        const covered = client.invoices.filter((i) => request.invoiceIds.includes(i.invoiceId));
        const stages = covered.flatMap((i) => (isStageId(i.stage) ? [i.stage] : []));
        const stage = firmestStage(stages) ?? 'reminder-1';
        const reminder: PreparedReminder = {
          clientId: client.id,
          clientName: client.name,
          stage,
          ...(stages.length > 1
            ? { invoiceStages: Object.fromEntries(covered.map((i) => [i.invoiceId, i.stage as StageId])) }
            : {}),
          invoiceIds: request.invoiceIds,
          language: request.language ?? 'fr',
          subject: `Rappel : factures de ${client.name}`,
          body: `Bonjour ${client.name},\n\nSauf erreur, ces factures restent dues :\n\nF-1  1 200,00 €\n\nCordialement,\nMarie`,
          recipients: client.emails,
          channels: ['email'],
          totalDueCents: 120_000,
          currency: 'EUR',
        };
        return { reminders: [reminder] };
      }
      case 'logActivity':
        return { activity: { ...request.activity, date: '2026-03-12', at: '2026-03-12T09:30:00.000Z' } };
      case 'searchClients':
        return {
          clients: clients
            .filter((c) => c.name.toLowerCase().includes(request.query.toLowerCase()))
            .map((c) => ({ id: c.id, name: c.name, overdueCount: c.invoices.length })),
        };
      case 'assignEmailToClient': {
        const client = clients.find((c) => c.id === request.clientId)!;
        if (!client.emails.includes(request.email)) client.emails.push(request.email);
        return { client: { id: client.id, name: client.name, emails: client.emails } };
      }
      case 'reportWebmailHealth':
        return { recorded: true };
      case 'getDismissedAddresses':
        return { dismissed: [...dismissed] };
      case 'dismissAddressPrompt':
        dismissed.add(request.email);
        return { dismissed: [...dismissed] };
      default:
        throw new Error(`unexpected message ${request.type}`);
    }
  };
  const send: Send = async <R extends AnyRequest>(request: R) => {
    requests.push(request);
    return answer(request) as ResponseOf<R['type']>;
  };
  return {
    send,
    requests,
    of<T extends AnyRequest['type']>(type: T) {
      return requests.filter((r): r is Extract<AnyRequest, { type: T }> => r.type === type);
    },
  };
}
