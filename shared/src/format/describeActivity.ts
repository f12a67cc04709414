import type { Activity } from '../schemas/activity';
import type { Language } from '../vocabulary/languages';
import { formatDate } from './date';
import { ACTIVITY_LABELS, CHANNEL_LABELS, LEGAL_ACTION_LABELS, STAGE_LABELS } from './labels';
import { formatMoney } from './money';
import { formatCount } from './plural';
import type { MessageCatalog } from './translator';

/**
 * An activity in words, for every place that shows one: the notes panel's timeline, the
 * dashboard's history and the CSV export. Each place lays the parts out its own way.
 */
export interface ActivityWords {
  /** What it is: `Relance`, `Promesse de paiement`. */
  title: string;
  /** The dunning stage it was for, capitalised: `Relance formelle`. */
  stage?: string;
  /** How it went out: `Gmail`, `lettre recommandée avec AR`. */
  channel?: string;
  /** The money it records (promised, received, a plan's total), in minor units of the team's currency. */
  amountCents?: number;
  /** Other short facts, in reading order: the subject, the reason, `Paiement promis pour le 12/03/2026`… */
  facts: string[];
  /** What a person typed (comment, call notes), shown apart. */
  text?: string;
  /** stage, channel, facts and amount in one list, ready to join with ` · `. */
  details: string[];
}

const WORDS = {
  fr: {
    promisedFor: 'Paiement promis pour le {date}',
    deadline: 'Délai : {date}',
    registered: 'recommandé',
    settles: 'solde la facture',
    instalment: 'échéance',
    instalments: 'échéances',
    colon: '\u00a0: ',
    tracking: 'Recommandé n°\u00a0{number}',
    withdraws: 'Retire\u00a0: {what} du {date}',
    withdrawsUndated: 'Retire\u00a0: {what}',
    corrected: 'remplacée par une entrée corrigée',
  },
  en: {
    promisedFor: 'Payment promised for {date}',
    deadline: 'Deadline: {date}',
    registered: 'recorded delivery',
    settles: 'settles the invoice',
    instalment: 'instalment',
    instalments: 'instalments',
    colon: ': ',
    tracking: 'Tracking no. {number}',
    withdraws: 'Withdraws: {what} of {date}',
    withdrawsUndated: 'Withdraws: {what}',
    corrected: 'replaced by a corrected entry',
  },
} satisfies MessageCatalog<string>;

/** Shared labels are lower case (they sit inside sentences); a label on its own starts with a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Stored data was validated, but a value that a later version added must still show, as written.
const label = (labels: Readonly<Record<string, string>>, key: string) => labels[key] ?? key;

export function describeActivity(activity: Activity, lang: Language, currency: string): ActivityWords {
  const w = WORDS[lang];
  const day = (date: string) => formatDate(date, lang);
  const facts: (string | undefined)[] = [];
  let stage: string | undefined;
  let channel: string | undefined;
  let amountCents: number | undefined;
  let text = activity.comment;
  switch (activity.type) {
    case 'reminder':
      stage = activity.stage;
      channel = activity.channel;
      facts.push(activity.subject);
      break;
    case 'call':
      facts.push(activity.outcome);
      break;
    case 'letter':
      stage = activity.stage;
      if (activity.registered) facts.push(w.registered);
      if (activity.trackingNumber) facts.push(w.tracking.replace('{number}', activity.trackingNumber));
      break;
    case 'promise-to-pay':
      facts.push(w.promisedFor.replace('{date}', day(activity.promisedDate)));
      amountCents = activity.amountCents;
      break;
    case 'dispute-opened':
      facts.push(activity.reason);
      break;
    case 'dispute-resolved':
      facts.push(activity.resolution);
      break;
    case 'payment-plan':
      amountCents = activity.instalments.reduce((sum, i) => sum + i.amountCents, 0);
      facts.push(
        formatCount(activity.instalments.length, { one: w.instalment, other: w.instalments }, lang),
        activity.instalments
          .map((i) => `${day(i.date)}${w.colon}${formatMoney(i.amountCents, currency, lang)}`)
          .join(', '),
      );
      break;
    case 'payment-received':
      amountCents = activity.amountCents;
      if (activity.settles) facts.push(w.settles);
      break;
    case 'formal-notice':
      channel = activity.channel;
      if (activity.deadline) facts.push(w.deadline.replace('{date}', day(activity.deadline)));
      if (activity.trackingNumber) facts.push(w.tracking.replace('{number}', activity.trackingNumber));
      break;
    case 'legal-action':
      facts.push(capitalise(label(LEGAL_ACTION_LABELS[lang], activity.kind)));
      break;
    case 'comment':
      text = [activity.text, activity.comment].filter(Boolean).join('\n\n');
      break;
    case 'void': {
      const what = activity.voidedType ? label(ACTIVITY_LABELS[lang], activity.voidedType) : '—';
      facts.push(
        activity.voidedDate
          ? w.withdraws.replace('{what}', what).replace('{date}', day(activity.voidedDate))
          : w.withdrawsUndated.replace('{what}', what),
      );
      if (activity.replacedBy) facts.push(w.corrected);
      break;
    }
  }
  const words: Omit<ActivityWords, 'details'> = {
    title: capitalise(label(ACTIVITY_LABELS[lang], activity.type)),
    facts: facts.filter((f): f is string => !!f),
  };
  if (stage) words.stage = capitalise(label(STAGE_LABELS[lang], stage));
  if (channel) words.channel = label(CHANNEL_LABELS[lang], channel);
  if (amountCents !== undefined) words.amountCents = amountCents;
  if (text) words.text = text;
  const money = amountCents === undefined ? undefined : formatMoney(amountCents, currency, lang);
  const details = [words.stage, words.channel, ...words.facts, money].filter((d): d is string => !!d);
  return { ...words, details };
}
