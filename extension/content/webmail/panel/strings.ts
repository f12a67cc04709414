import { createTranslator, type Translator } from '@relance/shared/format';
import type { Language } from '@relance/shared/vocabulary';

/** Every word the webmail overlay's compose panel shows, French first (the address line's: assignStrings.ts). */
const MESSAGES = {
  fr: {
    overdueSummary: '{count} · {total}',
    overdueOne: 'facture en retard',
    overdueOther: 'factures en retard',
    invoiceLine: '{number} · {days} · {amount}',
    stageDue: 'Étape : {stage}',
    lastReminder: '{name} a relancé {when} ({channel})',
    lastReminderMine: 'Vous avez relancé ce client le {date} ({channel})',
    insertFormalNotice: 'Insérer la mise en demeure',
    formalNoticeDue: 'Mise en demeure due',
    collectionsReady:
      'Le dossier de recouvrement est prêt pour l’étape contentieuse : il ne s’envoie pas au client (rien n’est inséré).',
    quietWarning:
      'Attention : {name} a relancé ce client {when}. Mieux vaut attendre avant une nouvelle relance.',
    someone: 'Un collègue',
    neverReminded: 'Pas encore relancé',
    insert: 'Insérer la relance',
    insertTitle: "Insère le texte de la relance ({stage}) à l'emplacement du curseur",
    inserting: 'Préparation…',
    inserted: 'Relance insérée : relisez-la avant d’envoyer.',
    logOnSend: "Enregistrer cet e-mail comme relance à l'envoi",
    failed: "Relance n'a pas pu répondre : {message}",
    noEditor: 'Impossible de trouver le corps du message.',
    otherClient: 'Autre client :',
    collapse: 'Réduire',
    expand: 'Afficher',
  },
  en: {
    overdueSummary: '{count} · {total}',
    overdueOne: 'overdue invoice',
    overdueOther: 'overdue invoices',
    invoiceLine: '{number} · {days} · {amount}',
    stageDue: 'Step: {stage}',
    lastReminder: '{name} reminded them {when} ({channel})',
    lastReminderMine: 'You reminded this client on {date} ({channel})',
    insertFormalNotice: 'Insert the formal notice',
    formalNoticeDue: 'Formal notice due',
    collectionsReady:
      'The collections file is ready for the collections step: it is not sent to the client (nothing is inserted).',
    quietWarning: '{name} already reminded this client {when}. Better wait before another reminder.',
    someone: 'A teammate',
    neverReminded: 'Not reminded yet',
    insert: 'Insert reminder',
    insertTitle: 'Inserts the reminder text ({stage}) at the cursor',
    inserting: 'Preparing…',
    inserted: 'Reminder inserted: read it over before sending.',
    logOnSend: 'Log this e-mail as a reminder when sent',
    failed: 'Relance could not answer: {message}',
    noEditor: 'The message body could not be found.',
    otherClient: 'Other client:',
    collapse: 'Collapse',
    expand: 'Show',
  },
};

export type WebmailMessage = keyof (typeof MESSAGES)['fr'];
export type WebmailTranslator = Translator<WebmailMessage>;

export function webmailTranslator(lang: Language): WebmailTranslator {
  return createTranslator<WebmailMessage>(MESSAGES, lang);
}

/** "il y a 2 jours", "hier", "aujourd’hui"; "2 days ago", "yesterday", "today". */
export function relativeDays(daysAgo: number, lang: Language): string {
  const format = new Intl.RelativeTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { numeric: 'auto' });
  return format.format(-Math.max(0, daysAgo), 'day');
}
