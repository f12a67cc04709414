import type { Template } from '../../schemas/settings';
import type { StageId } from '../../schemas/stage';

/**
 * Default English reminders, worded for UK and EU business correspondence. The law quoted comes from
 * `{{penalty_law}}` (the client's jurisdiction), so the same text serves a French company writing in
 * English and a UK one. From `reminder-2` on they state interest and the fixed compensation, with
 * the workings per invoice and rate period. The wording stays true when earlier stages were
 * skipped (`first_reminder`) and before the due date (`not_yet_due`).
 */
const SIGNED = `{{signature}}

{{company_details}}`;

export const ENGLISH_TEMPLATES: Record<StageId, Template> = {
  courtesy: {
    subject:
      'Friendly reminder: {{#singular}}invoice {{invoice_number}}{{#not_yet_due}} due on {{due_date}}{{/not_yet_due}}{{#overdue}} due since {{due_date}}{{/overdue}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{#not_yet_due}} falling due{{/not_yet_due}}{{#overdue}} now due{{/overdue}}{{/plural}}',
    body: `{{greeting}}

{{#not_yet_due}}
This is a friendly reminder that {{#singular}}invoice {{invoice_number}}, for {{total_due}}, falls due on {{due_date}}{{/singular}}{{#plural}}the invoices below, totalling {{total_due}}, will shortly fall due{{/plural}}.
{{/not_yet_due}}
{{#overdue}}
This is a friendly reminder that {{#singular}}invoice {{invoice_number}}, for {{total_due}}, fell due on {{due_date}}{{/singular}}{{#plural}}the invoices below, totalling {{total_due}}, are now due{{/plural}}.
{{/overdue}}

{{invoices}}

{{payment_details}}

If payment is already on its way, please disregard this message. Should you have any questions, we will be happy to help.

Kind regards,

${SIGNED}`,
  },

  'reminder-1': {
    subject:
      'Payment reminder: {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} awaiting payment',
    body: `{{greeting}}

According to our records, {{#singular}}invoice {{invoice_number}}, which fell due on {{due_date}}, has not yet been paid{{/singular}}{{#plural}}the invoices below, now past their due dates, have not yet been paid{{/plural}}. The outstanding balance is {{total_due}}.

{{invoices}}

This may simply be an oversight, in which case we would be grateful if you could arrange payment at your earliest convenience. If you have paid in the meantime, please disregard this message.

{{payment_details}}

We can send you a copy of {{#singular}}the invoice{{/singular}}{{#plural}}the invoices{{/plural}} if needed, and remain at your disposal for any questions.

Kind regards,

${SIGNED}`,
  },

  'reminder-2': {
    subject:
      'Second reminder: {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} overdue – {{total_due}}',
    body: `{{greeting}}

{{#reminded}}Despite our previous reminder, {{/reminded}}{{#first_reminder}}According to our records, {{/first_reminder}}{{#singular}}invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}the invoices below remain unpaid{{/plural}}, for a total of {{total_due}}.

{{#business}}
{{invoices_with_penalties}}

Under {{penalty_law}} and our terms and conditions, late payment entitles us to interest at the yearly rate of {{rate}}{{#indemnity}}, together with fixed compensation for recovery costs of {{indemnity_basis}}{{/indemnity}}. To date, interest amounts to {{interest}}{{#indemnity}} and compensation to {{indemnity}}{{/indemnity}}, bringing the total due to {{total_with_penalties}}.
{{#interest_due}}

How the interest is worked out:
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}
{{/business}}
{{#consumer}}
{{invoices}}

Without payment, a formal notice will make interest at the legal rate ({{rate}} a year) run on this amount, under {{penalty_law}}.
{{/consumer}}

Please settle this balance by {{deadline}} at the latest. If you are experiencing difficulties, or if you dispute any part of this amount, please let us know straight away so that we can find a solution together.

{{payment_details}}

If payment has been made in the meantime, please disregard this message.

Regards,

${SIGNED}`,
  },

  'payment-plan': {
    subject:
      'Proposed payment plan – {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} invoices{{/plural}} ({{total_due}})',
    body: `{{greeting}}

{{#singular}}Invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}The invoices below remain unpaid{{/plural}}{{#reminded}} despite our reminders{{/reminded}}; the amount outstanding is {{total_due}}.

{{#business}}
{{invoices_with_penalties}}
{{/business}}
{{#consumer}}
{{invoices}}
{{/consumer}}

We understand that cash-flow difficulties can arise. If this is the case, we are willing to agree a payment plan, for example in monthly instalments. Please let us know what you can propose by {{deadline}}; we will confirm the agreed schedule in writing.

{{#business}}
For your information, under {{penalty_law}}, late-payment interest (yearly rate of {{rate}}) currently stands at {{interest}}{{#indemnity}}, and fixed compensation for recovery costs at {{indemnity}}{{/indemnity}}, bringing the total due to {{total_with_penalties}}.
{{#interest_due}}

How the interest is worked out:
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}
{{/business}}

Without payment or an agreed plan by then, we will have no choice but to send you a formal notice.

{{payment_details}}

Kind regards,

${SIGNED}`,
  },

  'formal-notice': {
    subject:
      'Formal notice and final demand for payment – {{#singular}}invoice {{invoice_number}}{{/singular}}' +
      '{{#plural}}invoices {{invoice_number}}{{/plural}}',
    body: `{{greeting}}

{{#reminded}}Despite our previous reminders, {{/reminded}}{{#first_reminder}}According to our records, {{/first_reminder}}{{#singular}}invoice {{invoice_number}}, due on {{due_date}}, remains unpaid{{/singular}}{{#plural}}the following invoices remain unpaid{{/plural}}:

{{invoices_with_penalties}}

{{#business}}
We hereby formally demand payment of {{total_with_penalties}} by {{deadline}} at the latest, made up as follows:
- principal outstanding: {{total_due}}
- late-payment interest at the yearly rate of {{rate}}, calculated to {{today}}: {{interest}}
{{#indemnity}}
- fixed compensation for recovery costs ({{indemnity_basis}}): {{indemnity}}
{{/indemnity}}
{{#interest_due}}

How the interest is worked out:
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}

These sums are due under {{penalty_law}}; interest continues to accrue until payment in full.
{{/business}}
{{#consumer}}
We hereby formally demand payment of {{total_with_penalties}} by {{deadline}} at the latest.

Under {{penalty_law}}, this formal notice makes interest at the legal rate ({{rate}} a year) run on this amount until payment in full.
{{/consumer}}

If full payment is not received by that date, we will commence legal proceedings to recover the debt without further notice, and will seek to recover the associated costs from you.

{{payment_details}}

Yours faithfully,

${SIGNED}`,
  },

  // The collections file: for the team, never sent to the client (shared collectionsFile.ts).
  legal: {
    subject: 'Debt recovery file – {{client}} – {{total_with_penalties}}',
    body: `DEBT RECOVERY FILE – INTERNAL USE

Client: {{client}}
{{client_address}}
Prepared by: {{sender}}, {{company}}, {{today}}
Longest delay: {{days_late}} days

Claims:
{{invoices_with_penalties}}

Principal: {{total_due}}
Late-payment interest at {{rate}} a year, under {{penalty_law}}: {{interest}}
{{#indemnity}}
Fixed compensation for recovery costs ({{indemnity_basis}}): {{indemnity}}
{{/indemnity}}
Total to claim: {{total_with_penalties}}
{{#interest_due}}

How the interest is worked out:
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}`,
  },
};
