import { ROLES } from '@relance/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * One schema for both drivers (PGlite and PostgreSQL 15). Keep to PostgreSQL 15 features.
 * Every row that belongs to a team carries `team_id`, and every query filters on it.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /**
   * The pull cursor: each stored change takes the next value. A push locks this row
   * (`SELECT … FOR UPDATE`), so a team's pushes are serialised and versions become visible in order.
   */
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('people_team_idx').on(t.teamId),
    check('people_role_check', sql`${t.role} in ('owner', 'lead', 'member')`),
  ],
);

/** Bearer tokens, stored as SHA-256 hashes only: the token itself is shown once. */
export const tokens = pgTable(
  'tokens',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('tokens_hash_idx').on(t.tokenHash), index('tokens_person_idx').on(t.personId)],
);

/** Invite codes: single-use AND expiring; stored hashed like tokens. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Null when made from the CLI. */
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    usedBy: uuid('used_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('invites_code_idx').on(t.codeHash),
    check('invites_role_check', sql`${t.role} in ('lead', 'member')`),
  ],
);

/**
 * Immutable activities. The key is (team, id): a client-made id only ever names something inside
 * its own team, so an id another team already used neither collides nor reveals anything.
 */
export const activities = pgTable(
  'activities',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    clientId: uuid('client_id').notNull(),
    /** Business date `YYYY-MM-DD`, kept as text: it sorts right and no driver turns it into a Date. */
    date: text('date').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    authorId: uuid('author_id').notNull(),
    /** The whole activity as validated, with the author filled in by the server. */
    data: jsonb('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    uniqueIndex('activities_version_idx').on(t.teamId, t.version),
    index('activities_client_idx').on(t.teamId, t.clientId),
    index('activities_date_idx').on(t.teamId, t.date),
  ],
);

export const DOC_TYPES = ['client', 'invoice', 'note', 'settings', 'merge', 'siteMapping'] as const;

/** Mutable documents, last writer wins by hybrid logical clock; `version` is that of the latest write. */
export const documents = pgTable(
  'documents',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    docType: text('doc_type', { enum: DOC_TYPES }).notNull(),
    id: uuid('id').notNull(),
    hlc: text('hlc').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    data: jsonb('data').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    authorId: uuid('author_id').notNull(),
    /** Copied out of `data` for history filters (notes, invoices). */
    clientId: uuid('client_id'),
    invoiceId: uuid('invoice_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.docType, t.id] }),
    uniqueIndex('documents_version_idx').on(t.teamId, t.version),
    index('documents_client_idx').on(t.teamId, t.clientId),
  ],
);

/** Every write of a note, the stale ones included, so that nothing typed is ever lost. */
export const noteRevisions = pgTable(
  'note_revisions',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id').notNull(),
    hlc: text('hlc').notNull(),
    text: text('text').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    data: jsonb('data').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('note_revisions_hlc_idx').on(t.teamId, t.noteId, t.hlc)],
);

/**
 * Request counters of the rate limiter (middleware/rate-limit.ts), one row per key (a known token's
 * id, or a client address: never one per unknown token), kept in the database so that every
 * server instance counts together. A sliding window, estimated from this window's count and the
 * previous one's (see rate-limit-counter.ts).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
    /** The count of the window just before `window_start` (0 when that one saw nothing): the sliding estimate weighs it. */
    previousCount: integer('previous_count').notNull().default(0),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Dashboard sessions: the browser's cookie holds a random session id, stored here as its SHA-256
 * only; never the API token. A session ends when it expires, at sign-out, or when the token it
 * was opened with is revoked.
 */
export const dashboardSessions = pgTable(
  'dashboard_sessions',
  {
    id: uuid('id').primaryKey(),
    sessionHash: text('session_hash').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    tokenId: uuid('token_id')
      .notNull()
      .references(() => tokens.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('dashboard_sessions_hash_idx').on(t.sessionHash),
    index('dashboard_sessions_token_idx').on(t.tokenId),
    index('dashboard_sessions_expiry_idx').on(t.expiresAt),
  ],
);
