import type { Template } from '../../schemas/settings';
import type { StageId } from '../../schemas/stage';

/**
 * Default French reminders, from a friendly heads-up to the file for court. From `reminder-2` on
 * they state the late penalties and the fixed recovery indemnity (Code de commerce L441-10, D441-5).
 * Sentences that differ for one or several invoices use the singular/plural sections.
 */
export const FRENCH_TEMPLATES: Record<StageId, Template> = {
  courtesy: {
    subject:
      'Petit rappel : {{#singular}}facture {{invoice_number}} à échéance le {{due_date}}{{/singular}}' +
      '{{#plural}}vos {{invoice_count}} factures arrivent à échéance{{/plural}}',
    body: `Bonjour {{client}},

{{#singular}}
Nous nous permettons de vous rappeler que la facture {{invoice_number}}, d'un montant de {{total_due}}, arrivera à échéance le {{due_date}}.
{{/singular}}
{{#plural}}
Nous nous permettons de vous rappeler que les factures ci-dessous, d'un montant total de {{total_due}}, arriveront prochainement à échéance.
{{/plural}}

{{invoices}}

Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message. Nous restons à votre disposition pour toute question.

Bien cordialement,

{{sender}}
{{company}}`,
  },

  'reminder-1': {
    subject:
      'Rappel : {{#singular}}facture {{invoice_number}} en attente de règlement{{/singular}}' +
      '{{#plural}}{{invoice_count}} factures en attente de règlement{{/plural}}',
    body: `Bonjour {{client}},

Sauf erreur ou omission de notre part, {{#singular}}la facture {{invoice_number}}, arrivée à échéance le {{due_date}}, n'a pas encore été réglée{{/singular}}{{#plural}}les factures ci-dessous, arrivées à échéance, n'ont pas encore été réglées{{/plural}}. Le montant restant dû s'élève à {{total_due}}.

{{invoices}}

Il s'agit sans doute d'un simple oubli : nous vous remercions de bien vouloir procéder au règlement dans les meilleurs délais. Si votre paiement a été effectué entre-temps, merci de ne pas tenir compte de ce message.

Nous pouvons vous renvoyer {{#singular}}la facture{{/singular}}{{#plural}}les factures{{/plural}} si besoin, et restons à votre disposition pour toute question.

Bien cordialement,

{{sender}}
{{company}}`,
  },

  'reminder-2': {
    subject:
      'Relance : {{#singular}}facture {{invoice_number}} impayée{{/singular}}' +
      '{{#plural}}{{invoice_count}} factures impayées{{/plural}} – {{total_due}}',
    body: `Bonjour {{client}},

Malgré notre précédent rappel, {{#singular}}la facture {{invoice_number}}, échue depuis le {{due_date}}, demeure impayée{{/singular}}{{#plural}}les factures ci-dessous demeurent impayées{{/plural}} à ce jour, pour un montant de {{total_due}}.

{{invoices_with_penalties}}

Conformément à {{penalty_law}} et à nos conditions générales de vente, tout retard de paiement donne lieu de plein droit à des pénalités de retard au taux annuel de {{rate}}{{#indemnity}}, ainsi qu'à une indemnité forfaitaire pour frais de recouvrement de {{indemnity_basis}}{{/indemnity}}. À ce jour, les pénalités s'élèvent à {{interest}}{{#indemnity}} et l'indemnité forfaitaire à {{indemnity}}{{/indemnity}}, soit un total dû de {{total_with_penalties}}.

Nous vous remercions de régulariser cette situation au plus tard le {{deadline}}. Si vous rencontrez une difficulté, ou si vous contestez tout ou partie de ces sommes, merci de nous en informer sans attendre afin que nous trouvions ensemble une solution.

Si votre règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.

Cordialement,

{{sender}}
{{company}}`,
  },

  'payment-plan': {
    subject:
      "Proposition d'échéancier – {{#singular}}facture {{invoice_number}}{{/singular}}" +
      '{{#plural}}{{invoice_count}} factures{{/plural}} ({{total_due}})',
    body: `Bonjour {{client}},

{{#singular}}La facture {{invoice_number}}, échue depuis le {{due_date}}, reste impayée{{/singular}}{{#plural}}Les factures ci-dessous restent impayées{{/plural}} malgré nos relances ; le montant dû s'élève à {{total_due}}.

{{invoices_with_penalties}}

Nous savons que des difficultés de trésorerie peuvent survenir. Si c'est votre cas, nous vous proposons d'échelonner ce règlement selon un échéancier adapté, par exemple en plusieurs mensualités. Merci de nous faire part de vos possibilités avant le {{deadline}} : nous vous confirmerons par écrit le calendrier convenu.

Pour mémoire, en application de {{penalty_law}}, les pénalités de retard (taux annuel de {{rate}}) s'élèvent à ce jour à {{interest}}{{#indemnity}}, et l'indemnité forfaitaire pour frais de recouvrement à {{indemnity}}{{/indemnity}}, soit un total dû de {{total_with_penalties}}.

À défaut de règlement ou d'accord sur un échéancier d'ici là, nous serons contraints de vous adresser une mise en demeure.

Cordialement,

{{sender}}
{{company}}`,
  },

  'formal-notice': {
    subject:
      'Mise en demeure de payer – {{#singular}}facture {{invoice_number}}{{/singular}}' +
      '{{#plural}}factures {{invoice_number}}{{/plural}}',
    body: `{{company}}
{{company_address}}

À l'attention de : {{client}}

Le {{today}}

Lettre recommandée avec accusé de réception

Objet : mise en demeure de payer

Madame, Monsieur,

Malgré nos relances restées sans effet, {{#singular}}la facture {{invoice_number}}, échue depuis le {{due_date}}, demeure impayée{{/singular}}{{#plural}}les factures suivantes demeurent impayées{{/plural}} à ce jour :

{{invoices_with_penalties}}

Par la présente, nous vous mettons en demeure de nous régler, au plus tard le {{deadline}}, la somme de {{total_with_penalties}}, qui se décompose ainsi :
- principal restant dû : {{total_due}}
- pénalités de retard au taux annuel de {{rate}}, arrêtées au {{today}} : {{interest}}
{{#indemnity}}
- indemnité forfaitaire pour frais de recouvrement ({{indemnity_basis}}) : {{indemnity}}
{{/indemnity}}

Ces sommes sont dues de plein droit en application de {{penalty_law}} ; les pénalités continuent de courir jusqu'à complet paiement.

À défaut de paiement intégral dans ce délai, nous engagerons sans autre avis une procédure judiciaire de recouvrement (injonction de payer), dont les frais resteront à votre charge.

La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.

Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

{{sender}}
{{company}}`,
  },

  legal: {
    subject: 'Dossier de recouvrement – {{client}} – {{total_with_penalties}}',
    body: `DOSSIER DE RECOUVREMENT – USAGE INTERNE

Client : {{client}}
Préparé par : {{sender}} ({{company}}), le {{today}}
Plus grand retard : {{days_late}} jours

Créances :
{{invoices_with_penalties}}

Principal : {{total_due}}
Pénalités de retard au taux de {{rate}} par an, selon {{penalty_law}} : {{interest}}
{{#indemnity}}
Indemnité forfaitaire pour frais de recouvrement ({{indemnity_basis}}) : {{indemnity}}
{{/indemnity}}
Total à réclamer : {{total_with_penalties}}

Pièces à réunir :
[ ] {{#singular}}la facture{{/singular}}{{#plural}}les factures{{/plural}}, le devis signé, le bon de commande ou le contrat
[ ] les conditions générales de vente acceptées (taux des pénalités, indemnité forfaitaire)
[ ] les preuves de livraison ou d'exécution de la prestation
[ ] l'historique des relances (dates, canaux, interlocuteurs)
[ ] la mise en demeure et l'avis de réception du recommandé
[ ] les échanges avec le client (promesses de paiement, contestations)

Vérifications :
[ ] aucun litige ouvert ni promesse de paiement en cours
[ ] créance non prescrite (5 ans entre professionnels, 2 ans envers un consommateur)
[ ] identité exacte du débiteur (raison sociale, SIREN, adresse du siège)

Voies possibles :
[ ] injonction de payer : requête au tribunal de commerce (débiteur commerçant) ou au tribunal judiciaire, en ligne ou au greffe
[ ] procédure simplifiée de recouvrement des petites créances (jusqu'à 5 000 €) par un commissaire de justice, avec l'accord du débiteur
[ ] mandat à une société de recouvrement amiable
[ ] une fois le titre exécutoire obtenu : exécution forcée par un commissaire de justice`,
  },
};
