import type { Template } from '../../schemas/settings';
import type { StageId } from '../../schemas/stage';

/**
 * Default English reminders, worded for UK and EU business correspondence. The law quoted comes from
 * `{{penalty_law}}` (the client's jurisdiction), so the same text serves a French company writing in
 * English and a UK one. From `reminder-2` on they state interest and the fixed compensation.
 */
export const ENGLISH_TEMPLATES: Record<StageId, Template> = {
  courtesy: {
    subject:
      'Friendly reminder: {{#singular}}invoice {{invoice_number}} due on {{due_date}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices falling due{{/plural}}',
    body: `Dear {{client}},

{{#singular}}
This is a friendly reminder that invoice {{invoice_number}}, for {{total_due}}, falls due on {{due_date}}.
{{/singular}}
{{#plural}}
This is a friendly reminder that the invoices below, totalling {{total_due}}, will shortly fall due.
{{/plural}}

{{invoices}}

If payment is already on its way, please disregard this message. Should you have any questions, we will be happy to help.

Kind regards,

{{sender}}
{{company}}`,
  },

  'reminder-1': {
    subject:
      'Payment reminder: {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} awaiting payment',
    body: `Dear {{client}},

According to our records, {{#singular}}invoice {{invoice_number}}, which fell due on {{due_date}}, has not yet been paid{{/singular}}{{#plural}}the invoices below, now past their due dates, have not yet been paid{{/plural}}. The outstanding balance is {{total_due}}.

{{invoices}}

This may simply be an oversight, in which case we would be grateful if you could arrange payment at your earliest convenience. If you have paid in the meantime, please disregard this message.

We can send you a copy of {{#singular}}the invoice{{/singular}}{{#plural}}the invoices{{/plural}} if needed, and remain at your disposal for any questions.

Kind regards,

{{sender}}
{{company}}`,
  },

  'reminder-2': {
    subject:
      'Second reminder: {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} overdue – {{total_due}}',
    body: `Dear {{client}},

Despite our previous reminder, {{#singular}}invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}the invoices below remain unpaid{{/plural}}, for a total of {{total_due}}.

{{invoices_with_penalties}}

Under {{penalty_law}} and our terms and conditions, late payment entitles us to interest at the yearly rate of {{rate}}{{#indemnity}}, together with fixed compensation for recovery costs of {{indemnity_basis}}{{/indemnity}}. To date, interest amounts to {{interest}}{{#indemnity}} and compensation to {{indemnity}}{{/indemnity}}, bringing the total due to {{total_with_penalties}}.

Please settle this balance by {{deadline}} at the latest. If you are experiencing difficulties, or if you dispute any part of this amount, please let us know straight away so that we can find a solution together.

If payment has been made in the meantime, please disregard this message.

Regards,

{{sender}}
{{company}}`,
  },

  'payment-plan': {
    subject:
      'Proposed payment plan – {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} ({{total_due}})',
    body: `Dear {{client}},

{{#singular}}Invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}The invoices below remain unpaid{{/plural}} despite our reminders; the amount outstanding is {{total_due}}.

{{invoices_with_penalties}}

We understand that cash-flow difficulties can arise. If this is the case, we are willing to agree a payment plan, for example in monthly instalments. Please let us know what you can propose by {{deadline}}; we will confirm the agreed schedule in writing.

For your information, under {{penalty_law}}, late-payment interest (yearly rate of {{rate}}) currently stands at {{interest}}{{#indemnity}}, and fixed compensation for recovery costs at {{indemnity}}{{/indemnity}}, bringing the total due to {{total_with_penalties}}.

Without payment or an agreed plan by then, we will have no choice but to send you a formal notice.

Kind regards,

{{sender}}
{{company}}`,
  },

  'formal-notice': {
    subject:
      'Formal notice and final demand for payment – {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}invoices {{invoice_number}}{{/plural}}',
    body: `{{company}}
{{company_address}}

For the attention of: {{client}}

{{today}}

Sent by recorded delivery

Subject: formal notice to pay (letter before action)

Dear Sir or Madam,

Despite our previous reminders, {{#singular}}invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}the following invoices remain unpaid{{/plural}}:

{{invoices_with_penalties}}

We hereby formally demand payment of {{total_with_penalties}} by {{deadline}} at the latest, made up as follows:
- principal outstanding: {{total_due}}
- late-payment interest at the yearly rate of {{rate}}, calculated to {{today}}: {{interest}}
{{#indemnity}}
- fixed compensation for recovery costs ({{indemnity_basis}}): {{indemnity}}
{{/indemnity}}

These sums are due under {{penalty_law}}; interest continues to accrue until payment in full.

If full payment is not received by that date, we will commence legal proceedings to recover the debt without further notice, and will seek to recover the associated costs from you.

Yours faithfully,

{{sender}}
{{company}}`,
  },

  legal: {
    subject: 'Debt recovery file – {{client}} – {{total_with_penalties}}',
    body: `DEBT RECOVERY FILE – INTERNAL USE

Client: {{client}}
Prepared by: {{sender}} ({{company}}), {{today}}
Longest delay: {{days_late}} days

Claims:
{{invoices_with_penalties}}

Principal: {{total_due}}
Late-payment interest at {{rate}} a year, under {{penalty_law}}: {{interest}}
{{#indemnity}}
Fixed compensation for recovery costs ({{indemnity_basis}}): {{indemnity}}
{{/indemnity}}
Total to claim: {{total_with_penalties}}

Documents to gather:
[ ] {{#singular}}the invoice{{/singular}}{{#plural}}the invoices{{/plural}}, and the signed quote, purchase order or contract
[ ] the accepted terms and conditions (interest rate, fixed compensation)
[ ] proof of delivery or of the work done
[ ] the history of reminders (dates, channels, contacts)
[ ] the formal notice and its proof of delivery
[ ] correspondence with the client (promises to pay, disputes)

Checks:
[ ] no open dispute and no pending promise to pay
[ ] the claim is not time-barred (France: 5 years between businesses, 2 years against a consumer; England and Wales: 6 years)
[ ] the debtor's exact legal identity (registered name, company number, registered office)
[ ] debtor an individual or sole trader in England and Wales: follow the Pre-Action Protocol for Debt Claims (letter of claim, 30 days to reply)

Possible routes:
[ ] order for payment: injonction de payer in France, European order for payment for cross-border claims within the EU, money claim in the County Court (Money Claim Online) in England and Wales
[ ] instruct a debt collection agency
[ ] once judgment is obtained: enforcement by a commissaire de justice (France) or an enforcement officer (England and Wales)`,
  },
};
