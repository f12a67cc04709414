import { createTranslator, type Translator } from '@relance/shared/format';
import type { Language } from '@relance/shared/vocabulary';

/**
 * The words of the "this address belongs to…" line, French first: loaded with it
 * (`webmail-ui.js`), not with the compose panel's (strings.ts).
 */
const MESSAGES = {
  fr: {
    assignPrompt: 'Cette adresse appartient à…',
    assignDismiss: 'Ne plus demander pour {email}',
    assignSearch: 'Nom du client',
    assignNone: 'Aucun client trouvé.',
    close: 'Fermer',
    failed: "Relance n'a pas pu répondre : {message}",
  },
  en: {
    assignPrompt: 'This address belongs to…',
    assignDismiss: 'Don’t ask again for {email}',
    assignSearch: 'Client name',
    assignNone: 'No client found.',
    close: 'Close',
    failed: 'Relance could not answer: {message}',
  },
};

export type AssignMessage = keyof (typeof MESSAGES)['fr'];
export type AssignTranslator = Translator<AssignMessage>;

export function assignTranslator(lang: Language): AssignTranslator {
  return createTranslator<AssignMessage>(MESSAGES, lang);
}
