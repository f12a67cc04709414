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

/** `YYYY-MM-DD` of an instant in the person's own time zone. */
function localDay(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The day an entry happened, with the time it was recorded when that was the same day (a call
 * logged afterwards for an earlier day keeps its day alone: its recording time would mislead).
 */
export function entryWhen(day: string, recordedAt: string | undefined, lang: Language): string {
  const date = formatDate(day, lang);
  const instant = recordedAt ? new Date(recordedAt) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || localDay(instant) !== day) return date;
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(instant);
  return lang === 'fr' ? `${date} à ${time}` : `${date}, ${time}`;
}

/** A timeline entry in words: activities as everywhere else (shared describeActivity), notes as typed. */
export function describeEntry(entry: TimelineEntry, lang: Language, currency = 'EUR'): EntryText {
  if (entry.kind === 'note') {
    const { note } = entry;
    return {
      kind: 'note',
      title: 'Note',
      date: entryWhen(localDay(new Date(note.createdAt)), note.createdAt, lang),
      author: note.authorName,
      details: [note.text],
    };
  }
  const a = entry.activity;
  const words = describeActivity(a, lang, currency);
  const details = [words.details.join(' · '), words.text].filter((line): line is string => !!line);
  return {
    kind: a.type,
    title: words.title,
    date: entryWhen(a.date, a.at, lang),
    author: a.authorName,
    details,
  };
}
