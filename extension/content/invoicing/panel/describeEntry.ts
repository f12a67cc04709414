import { formatDate } from '@relance/shared/format/date';
import { describeActivity } from '@relance/shared/format/describeActivity';
import type { Language } from '@relance/shared/vocabulary';
import type { TimelineEntry } from '../../../lib/messages';

/** One timeline line, as plain text parts (rendered as text, never HTML). */
export interface EntryText {
  kind: string;
  title: string;
  date: string;
  author?: string;
  /** Lines under the title: what it records (`Relance formelle · Gmail · Objet`), then what was typed. */
  details: string[];
}

/** A timeline entry in words: activities as everywhere else (shared describeActivity), notes as typed. */
export function describeEntry(entry: TimelineEntry, lang: Language, currency = 'EUR'): EntryText {
  if (entry.kind === 'note') {
    const { note } = entry;
    return {
      kind: 'note',
      title: 'Note',
      date: formatDate(note.createdAt.slice(0, 10), lang),
      author: note.authorName,
      details: [note.text],
    };
  }
  const a = entry.activity;
  const words = describeActivity(a, lang, currency);
  const details = [words.details.join(' · '), words.text].filter((line): line is string => !!line);
  return { kind: a.type, title: words.title, date: formatDate(a.date, lang), author: a.authorName, details };
}
