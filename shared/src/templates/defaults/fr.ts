import type { Template } from '../../schemas/settings';
import type { StageId } from '../../schemas/stage';

/**
 * Default French reminders, from a friendly heads-up to the file for court. From `reminder-2` on
 * they state the late penalties and the fixed recovery indemnity (Code de commerce L441-10, D441-5),
 * with the workings per invoice and rate period; for a consumer, legal interest from the formal
 * notice (Code civil 1231-6) and no indemnity. The wording stays true when earlier stages were
 * skipped (`first_reminder`) and before the due date (`not_yet_due`). Every message ends with the
 * sender's own signature, how to pay and the company's details.
 */
const CLOSING = `{{payment_details}}

Si votre règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.`;

const SIGNED = `{{signature}}

{{company_details}}`;

export const FRENCH_TEMPLATES: Record<StageId, Template> = {
  courtesy: {
    subject:
      'Petit rappel : {{#singular}}facture {{invoice_number}}{{#not_yet_due}} à échéance le {{due_date}}{{/not_yet_due}}{{#overdue}} échue le {{due_date}}{{/overdue}}{{/singular}}' +
      '{{#plural}}{{invoice_count}} factures{{#not_yet_due}} arrivant à échéance{{/not_yet_due}}{{#overdue}} arrivées à échéance{{/overdue}}{{/plural}}',
    body: `{{greeting}}

{{#not_yet_due}}
Nous nous permettons de vous rappeler que {{#singular}}la facture {{invoice_number}}, d'un montant de {{total_due}}, arrivera à échéance le {{due_date}}{{/singular}}{{#plural}}les factures ci-dessous, d'un montant total de {{total_due}}, arriveront prochainement à échéance{{/plural}}.
{{/not_yet_due}}
{{#overdue}}
Nous nous permettons de vous rappeler que {{#singular}}la facture {{invoice_number}}, d'un montant de {{total_due}}, est arrivée à échéance le {{due_date}}{{/singular}}{{#plural}}les factures ci-dessous, d'un montant total de {{total_due}}, sont arrivées à échéance{{/plural}}.
{{/overdue}}

{{invoices}}

{{payment_details}}

Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message. Nous restons à votre disposition pour toute question.

Bien cordialement,

${SIGNED}`,
  },

  'reminder-1': {
    subject:
      'Rappel : {{#singular}}facture {{invoice_number}} en attente de règlement{{/singular}}' +
      '{{#plural}}{{invoice_count}} factures en attente de règlement{{/plural}}',
    body: `{{greeting}}

Sauf erreur ou omission de notre part, {{#singular}}la facture {{invoice_number}}, arrivée à échéance le {{due_date}}, n'a pas encore été réglée{{/singular}}{{#plural}}les factures ci-dessous, arrivées à échéance, n'ont pas encore été réglées{{/plural}}. Le montant restant dû s'élève à {{total_due}}.

{{invoices}}

Il s'agit sans doute d'un simple oubli : nous vous remercions de bien vouloir procéder au règlement dans les meilleurs délais.

${CLOSING}

Nous pouvons vous renvoyer {{#singular}}la facture{{/singular}}{{#plural}}les factures{{/plural}} si besoin, et restons à votre disposition pour toute question.

Bien cordialement,

${SIGNED}`,
  },

  'reminder-2': {
    subject:
      'Relance : {{#singular}}facture {{invoice_number}} impayée{{/singular}}' +
      '{{#plural}}{{invoice_count}} factures impayées{{/plural}} – {{total_due}}',
    body: `{{greeting}}

{{#reminded}}Malgré notre précédent rappel, {{/reminded}}{{#first_reminder}}Sauf erreur ou omission de notre part, {{/first_reminder}}{{#singular}}la facture {{invoice_number}}, échue depuis le {{due_date}}, demeure impayée{{/singular}}{{#plural}}les factures ci-dessous demeurent impayées{{/plural}} à ce jour, pour un montant de {{total_due}}.

{{#business}}
{{invoices_with_penalties}}

Conformément à {{penalty_law}} et à nos conditions générales de vente, tout retard de paiement donne lieu de plein droit à des pénalités de retard au taux annuel de {{rate}}{{#indemnity}}, ainsi qu'à une indemnité forfaitaire pour frais de recouvrement de {{indemnity_basis}}{{/indemnity}}. À ce jour, les pénalités s'élèvent à {{interest}}{{#indemnity}} et l'indemnité forfaitaire à {{indemnity}}{{/indemnity}}, soit un total dû de {{total_with_penalties}}.
{{#interest_due}}

Détail du calcul des pénalités :
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}
{{/business}}
{{#consumer}}
{{invoices}}

À défaut de règlement, une mise en demeure fera courir des intérêts au taux légal ({{rate}} par an), en application de {{penalty_law}}.
{{/consumer}}

Nous vous remercions de régulariser cette situation au plus tard le {{deadline}}. Si vous rencontrez une difficulté, ou si vous contestez tout ou partie de ces sommes, merci de nous en informer sans attendre afin que nous trouvions ensemble une solution.

${CLOSING}

Cordialement,

${SIGNED}`,
  },

  'payment-plan': {
    subject:
      "Proposition d'échéancier – {{#singular}}facture {{invoice_number}}{{/singular}}" +
      '{{#plural}}{{invoice_count}} factures{{/plural}} ({{total_due}})',
    body: `{{greeting}}

{{#singular}}La facture {{invoice_number}}, échue depuis le {{due_date}}, reste impayée{{/singular}}{{#plural}}Les factures ci-dessous restent impayées{{/plural}}{{#reminded}} malgré nos relances{{/reminded}} ; le montant dû s'élève à {{total_due}}.

{{#business}}
{{invoices_with_penalties}}
{{/business}}
{{#consumer}}
{{invoices}}
{{/consumer}}

Nous savons que des difficultés de trésorerie peuvent survenir. Si c'est votre cas, nous vous proposons d'échelonner ce règlement selon un échéancier adapté, par exemple en plusieurs mensualités. Merci de nous faire part de vos possibilités avant le {{deadline}} : nous vous confirmerons par écrit le calendrier convenu.

{{#business}}
Pour mémoire, en application de {{penalty_law}}, les pénalités de retard (taux annuel de {{rate}}) s'élèvent à ce jour à {{interest}}{{#indemnity}}, et l'indemnité forfaitaire pour frais de recouvrement à {{indemnity}}{{/indemnity}}, soit un total dû de {{total_with_penalties}}.
{{#interest_due}}

Détail du calcul des pénalités :
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}
{{/business}}

À défaut de règlement ou d'accord sur un échéancier d'ici là, nous serons contraints de vous adresser une mise en demeure.

{{payment_details}}

Cordialement,

${SIGNED}`,
  },

  'formal-notice': {
    subject:
      'Mise en demeure de payer – {{#singular}}facture {{invoice_number}}{{/singular}}' +
      '{{#plural}}factures {{invoice_number}}{{/plural}}',
    body: `{{greeting}}

{{#reminded}}Malgré nos relances restées sans effet, {{/reminded}}{{#first_reminder}}Sauf erreur ou omission de notre part, {{/first_reminder}}{{#singular}}la facture {{invoice_number}}, échue depuis le {{due_date}}, demeure impayée{{/singular}}{{#plural}}les factures suivantes demeurent impayées{{/plural}} à ce jour :

{{invoices_with_penalties}}

{{#business}}
Par la présente, nous vous mettons en demeure de nous régler, au plus tard le {{deadline}}, la somme de {{total_with_penalties}}, qui se décompose ainsi :
- principal restant dû : {{total_due}}
- pénalités de retard au taux annuel de {{rate}}, arrêtées au {{today}} : {{interest}}
{{#indemnity}}
- indemnité forfaitaire pour frais de recouvrement ({{indemnity_basis}}) : {{indemnity}}
{{/indemnity}}
{{#interest_due}}

Détail du calcul des pénalités :
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}

Ces sommes sont dues de plein droit en application de {{penalty_law}} ; les pénalités continuent de courir jusqu'à complet paiement.
{{/business}}
{{#consumer}}
Par la présente, nous vous mettons en demeure de nous régler, au plus tard le {{deadline}}, la somme de {{total_with_penalties}}.

En application de {{penalty_law}}, la présente mise en demeure fait courir sur cette somme les intérêts au taux légal ({{rate}} par an) jusqu'à complet paiement.
{{/consumer}}

À défaut de paiement intégral dans ce délai, nous engagerons sans autre avis une procédure judiciaire de recouvrement (injonction de payer), dont les frais resteront à votre charge.

La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.

{{payment_details}}

Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

${SIGNED}`,
  },

  // The collections file (dossier de recouvrement): for the team, never sent to the client. The
  // overlay shows it in its own view, to print or export (shared collectionsFile.ts).
  legal: {
    subject: 'Dossier de recouvrement – {{client}} – {{total_with_penalties}}',
    body: `DOSSIER DE RECOUVREMENT – USAGE INTERNE

Client : {{client}}
{{client_address}}
Préparé par : {{sender}}, {{company}}, le {{today}}
Plus grand retard : {{days_late}} jours

Créances :
{{invoices_with_penalties}}

Principal : {{total_due}}
{{#business}}
Pénalités de retard au taux de {{rate}} par an, selon {{penalty_law}} : {{interest}}
{{/business}}
{{#consumer}}
Intérêts au taux légal ({{rate}} par an), selon {{penalty_law}} : {{interest}}
{{/consumer}}
{{#indemnity}}
Indemnité forfaitaire pour frais de recouvrement ({{indemnity_basis}}) : {{indemnity}}
{{/indemnity}}
Total à réclamer : {{total_with_penalties}}
{{#interest_due}}

Détail du calcul :
{{interest_details}}
{{/interest_due}}
{{#assumed_rate}}
{{rate_notice}}
{{/assumed_rate}}`,
  },
};
