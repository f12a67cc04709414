import type { BadgeStage, Channel } from '../vocabulary';
import type { ActivityType, LegalActionKind } from '../vocabulary/activities';
import type { Language } from '../vocabulary/languages';
import type { MessageCatalog } from './translator';

/** What each dunning stage and badge state is called, in lower case (capitalise at the call site). */
export const STAGE_LABELS: MessageCatalog<BadgeStage> = {
  fr: {
    courtesy: 'rappel de courtoisie',
    'reminder-1': 'rappel amical',
    'reminder-2': 'relance formelle',
    'payment-plan': "proposition d'échéancier",
    'formal-notice': 'mise en demeure',
    legal: 'procédure judiciaire',
    none: 'à jour',
    paid: 'payée',
    paused: 'en pause',
  },
  en: {
    courtesy: 'courtesy reminder',
    'reminder-1': 'friendly reminder',
    'reminder-2': 'formal reminder',
    'payment-plan': 'payment plan offer',
    'formal-notice': 'formal notice',
    legal: 'legal action',
    none: 'up to date',
    paid: 'paid',
    paused: 'paused',
  },
};

/** Names of the timeline's activity types. */
export const ACTIVITY_LABELS: MessageCatalog<ActivityType> = {
  fr: {
    reminder: 'relance',
    call: 'appel',
    letter: 'courrier',
    'promise-to-pay': 'promesse de paiement',
    'dispute-opened': 'litige ouvert',
    'dispute-resolved': 'litige résolu',
    'payment-plan': 'échéancier',
    'payment-received': 'paiement reçu',
    'formal-notice': 'mise en demeure',
    'legal-action': 'action en justice',
    comment: 'commentaire',
    void: 'entrée retirée',
  },
  en: {
    reminder: 'reminder',
    call: 'call',
    letter: 'letter',
    'promise-to-pay': 'promise to pay',
    'dispute-opened': 'dispute opened',
    'dispute-resolved': 'dispute resolved',
    'payment-plan': 'payment plan',
    'payment-received': 'payment received',
    'formal-notice': 'formal notice',
    'legal-action': 'legal action',
    comment: 'comment',
    void: 'entry withdrawn',
  },
};

/** How a reminder went out ("sent by … via …"). */
export const CHANNEL_LABELS: MessageCatalog<Channel> = {
  fr: {
    email: 'e-mail',
    gmail: 'Gmail',
    outlook: 'Outlook',
    mailto: 'messagerie',
    phone: 'téléphone',
    letter: 'courrier',
    'registered-letter': 'lettre recommandée avec AR',
    print: 'impression',
    copy: 'copier-coller',
    other: 'autre',
  },
  en: {
    email: 'email',
    gmail: 'Gmail',
    outlook: 'Outlook',
    mailto: 'mail app',
    phone: 'phone',
    letter: 'letter',
    'registered-letter': 'recorded delivery letter',
    print: 'print',
    copy: 'copy and paste',
    other: 'other',
  },
};

/** The kinds of legal action a file can go to. */
export const LEGAL_ACTION_LABELS: MessageCatalog<LegalActionKind> = {
  fr: {
    'injonction-de-payer': 'injonction de payer',
    'collection-agency': 'société de recouvrement',
    'commissaire-de-justice': 'commissaire de justice',
    other: 'autre procédure',
  },
  en: {
    'injonction-de-payer': 'order for payment (injonction de payer)',
    'collection-agency': 'collection agency',
    'commissaire-de-justice': 'bailiff (commissaire de justice)',
    other: 'other proceedings',
  },
};

export function stageLabel(stage: BadgeStage, lang: Language): string {
  return STAGE_LABELS[lang][stage];
}

export function activityLabel(type: ActivityType, lang: Language): string {
  return ACTIVITY_LABELS[lang][type];
}

export function channelLabel(channel: Channel, lang: Language): string {
  return CHANNEL_LABELS[lang][channel];
}
