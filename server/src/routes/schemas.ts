import { ACTIVITY_TYPES, isoDate, language, uuid } from '@relance/shared';
import { z } from 'zod';
import { ROLES } from '../db/schema';
import { INVITE_ROLES } from '../services/invites';

/** Request and response shapes of the team/history API (the sync ones live in @relance/shared). */

/** PostgreSQL refuses NUL characters in text: refused here as bad input, not met there as a crash. */
const storableText = (schema: z.ZodString) =>
  schema.refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

const name = storableText(z.string().trim().min(1, 'required').max(100, 'at most 100 characters'));

export const createTeamBody = z.object({ teamName: name, personName: name });
export const joinBody = z.object({ code: z.string().trim().min(4).max(40), personName: name });
export const inviteBody = z.object({ role: z.enum(INVITE_ROLES).optional() });
export const setRoleBody = z.object({ role: z.enum(ROLES) });
export const idParam = z.object({ id: uuid });

export const team = z.object({ id: z.string(), name: z.string() });
export const person = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export const membership = z.object({ team, person, token: z.string() });
export const me = z.object({ team, person });
export const invite = z.object({ code: z.string(), role: z.enum(INVITE_ROLES), expiresAt: z.string() });
export const peopleList = z.object({ people: z.array(person.extend({ createdAt: z.string() })) });
export const errorBody = z.object({
  error: z.string(),
  message: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const historyType = z.enum(['note', ...ACTIVITY_TYPES]);

const historyFilterShape = {
  clientId: uuid.optional(),
  invoiceId: uuid.optional(),
  personId: uuid.optional(),
  type: historyType.optional(),
  /** Inclusive calendar dates: an activity's date, a note's last change (UTC day). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: storableText(z.string().trim().max(200)).optional(),
};

export const historyQuery = z.object({
  ...historyFilterShape,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
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
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const noteRevision = z.object({
  hlc: z.string(),
  text: z.string(),
  deleted: z.boolean(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  at: z.string(),
  current: z.boolean(),
});
export const noteRevisions = z.object({ noteId: z.string(), revisions: z.array(noteRevision) });
