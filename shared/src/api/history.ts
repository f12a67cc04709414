import { z } from 'zod';
import { ACTIVITY_TYPES } from '../schemas/activity';
import { isoDate, language, plainText, uuid } from '../schemas/common';

/** Requests and answers of the team history (`/api/v1/history`, `/history.csv`, note revisions). */

export const historyType = z.enum(['note', ...ACTIVITY_TYPES]);
export type HistoryType = z.infer<typeof historyType>;

const historyFilterShape = {
  clientId: uuid.optional(),
  invoiceId: uuid.optional(),
  personId: uuid.optional(),
  type: historyType.optional(),
  /** Inclusive calendar dates: an activity's date, a note's last change (UTC day). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().pipe(plainText(200)).optional(),
};

export const historyQuery = z.object({
  ...historyFilterShape,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /**
   * The `nextCursor` of the page before: the next page starts right after its last item, so items
   * added meanwhile (they come first, newest first) neither shift nor repeat what follows.
   */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected a cursor from nextCursor')
    .optional(),
});
export type HistoryQuery = z.infer<typeof historyQuery>;

export const historyCsvQuery = z.object({
  ...historyFilterShape,
  /** Column names and separators: fr → `;` and decimal comma (what French Excel expects), en → `,` and point. */
  lang: language.default('fr'),
});
export type HistoryCsvQuery = z.infer<typeof historyCsvQuery>;

export const historyItem = z.object({
  kind: z.enum(['activity', 'note']),
  id: z.string(),
  type: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  invoiceIds: z.array(z.string()),
  invoiceNumbers: z.array(z.string()),
  date: z.string(),
  at: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type HistoryItem = z.infer<typeof historyItem>;

export const historyPage = z.object({
  items: z.array(historyItem),
  /** How many items match the filters, all pages together. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. Older servers send none. */
  nextCursor: z.string().nullable().optional(),
});
export type HistoryPage = z.infer<typeof historyPage>;

export const noteRevision = z.object({
  hlc: z.string(),
  text: z.string(),
  deleted: z.boolean(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  /** When the server received it. */
  at: z.string(),
  /** The revision the note currently shows (the newest clock). */
  current: z.boolean(),
});
export type NoteRevision = z.infer<typeof noteRevision>;
export const noteRevisionsAnswer = z.object({ noteId: z.string(), revisions: z.array(noteRevision) });
