import {
  activityLabel,
  channelLabel,
  formatDate,
  formatMoney,
  type Language,
  stageLabel,
} from '@relance/shared';
import type { TimelineEntry } from '../../../lib/messages';

/** One timeline line, as plain text parts (rendered as text, never HTML). */
export interface EntryText {
  kind: string;
  title: string;
  date: string;
  author?: string;
  details: string[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function describeEntry(entry: TimelineEntry, lang: Language, currency = 'EUR'): EntryText {
  const fr = lang === 'fr';
  if (entry.kind === 'note') {
    const { note } = entry;
    return {
      kind: 'note',
      title: fr ? 'Note' : 'Note',
      date: formatDate(note.createdAt.slice(0, 10), lang),
      author: note.authorName,
      details: [note.text],
    };
  }
  const a = entry.activity;
  const details: string[] = [];
  switch (a.type) {
    case 'reminder':
      details.push(`${capitalise(stageLabel(a.stage, lang))} · ${channelLabel(a.channel, lang)}`);
      if (a.subject) details.push(a.subject);
      break;
    case 'call':
      if (a.outcome) details.push(a.outcome);
      break;
    case 'letter':
      if (a.stage) details.push(capitalise(stageLabel(a.stage, lang)));
      break;
    case 'promise-to-pay':
      details.push(
        (fr ? 'Paiement promis pour le ' : 'Payment promised for ') +
          formatDate(a.promisedDate, lang) +
          (a.amountCents !== undefined ? ` · ${formatMoney(a.amountCents, currency, lang)}` : ''),
      );
      break;
    case 'dispute-opened':
      details.push(a.reason);
      break;
    case 'dispute-resolved':
      if (a.resolution) details.push(a.resolution);
      break;
    case 'payment-plan':
      details.push(
        a.instalments
          .map((i) => `${formatDate(i.date, lang)} : ${formatMoney(i.amountCents, currency, lang)}`)
          .join(' · '),
      );
      break;
    case 'payment-received':
      details.push(formatMoney(a.amountCents, currency, lang));
      break;
    case 'formal-notice':
      if (a.deadline) details.push((fr ? 'Délai : ' : 'Deadline: ') + formatDate(a.deadline, lang));
      break;
    case 'legal-action':
    case 'comment':
      if (a.type === 'comment') details.push(a.text);
      break;
  }
  if (a.comment) details.push(a.comment);
  return {
    kind: a.type,
    title: capitalise(activityLabel(a.type, lang)),
    date: formatDate(a.date, lang),
    author: a.authorName,
    details,
  };
}
