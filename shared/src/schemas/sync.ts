import { z } from 'zod';
import { activity } from './activity';
import { hlcString, uuid } from './common';
import { mergeRecord, siteMappingRecord } from './corrections';
import { client, invoice, note } from './records';
import { teamSettings } from './settings';

/**
 * Sync protocol (docs/architecture.md#sync-protocol): activities are immutable and deduplicated by id; documents are
 * last-writer-wins by hybrid logical clock, and the server keeps earlier note revisions.
 */
export const activityChange = z.object({ kind: z.literal('activity'), activity });

const doc = <T extends string, S extends z.ZodType>(docType: T, data: S) =>
  z.object({
    kind: z.literal('document'),
    docType: z.literal(docType),
    id: uuid,
    hlc: hlcString,
    deleted: z.boolean().default(false),
    data,
  });

export const clientDocChange = doc('client', client);
export const invoiceDocChange = doc('invoice', invoice);
export const noteDocChange = doc('note', note);
/** Team settings are one document per team; its id is the team id. */
export const settingsDocChange = doc('settings', teamSettings);
/** A client or invoice record merged into another (see corrections.ts). */
export const mergeDocChange = doc('merge', mergeRecord);
/** A site taught in teach mode, for the whole team. */
export const siteMappingDocChange = doc('siteMapping', siteMappingRecord);

export const documentChange = z.discriminatedUnion('docType', [
  clientDocChange,
  invoiceDocChange,
  noteDocChange,
  settingsDocChange,
  mergeDocChange,
  siteMappingDocChange,
]);
export type DocumentChange = z.infer<typeof documentChange>;
export type DocType = DocumentChange['docType'];

export const change = z.union([activityChange, documentChange]);
export type Change = z.infer<typeof change>;

/**
 * The version of this protocol (the shapes in this file), sent with every push and pull and
 * answered with it. A server speaks a range of versions; a client outside it gets a 400
 * `schema_too_old` (update the extension) or `schema_too_new` (update the server). Requests
 * without one were written before it existed and speak version 1.
 */
export const SYNC_SCHEMA_VERSION = 1;
export const schemaVersion = z.coerce
  .number()
  .int('expected a whole schema version')
  .min(0)
  .max(1_000_000)
  .default(1)
  .describe('Version of the sync protocol the client speaks (absent: 1)');

export const MAX_PUSH_CHANGES = 500;

/** The push body; each change is validated on its own so that one bad change is rejected alone. */
export const pushRequest = z.object({
  schemaVersion,
  changes: z.array(z.unknown()).min(1, 'push at least one change').max(MAX_PUSH_CHANGES),
});
export type PushRequest = { schemaVersion: number; changes: Change[] };

export const pushStatus = z.enum(['accepted', 'duplicate', 'stale', 'rejected']);
export type PushStatus = z.infer<typeof pushStatus>;

/**
 * Why a change was rejected, for programs: `invalid` (it breaks the record's schema, or holds text
 * that cannot be stored), `clock_ahead` (its clock is too far ahead of the server's: retryable once
 * the clocks agree), `forbidden_role` (the caller's role may not write it), `wrong_id` (its ids do
 * not match each other or the team).
 */
export const REJECTION_CODES = ['invalid', 'clock_ahead', 'forbidden_role', 'wrong_id'] as const;
export const rejectionCode = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCode>;

export const pushResult = z.object({
  /** The change's id (activity id or document id), or its index in the batch when it had none. */
  id: z.string(),
  status: pushStatus,
  /** Rejected: words for a person (which field, what is wrong). */
  reason: z.string().optional(),
  /** Rejected: the machine-readable reason. Older servers send none. */
  code: z.string().optional(),
  /** Rejected: whether the same change may be accepted later (true for `clock_ahead` only). */
  retryable: z.boolean().optional(),
  /** The team version the change was stored under. */
  version: z.number().int().optional(),
});
export type PushResult = z.infer<typeof pushResult>;

export const pushResponse = z.object({
  /** The protocol version the server answered in (the one asked for). */
  schemaVersion: z.number().int(),
  results: z.array(pushResult),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** `version` is cursor material: a per-team counter bumped under a row lock in each push. */
export const pulledChange = z.intersection(
  change,
  z.object({ version: z.number().int(), authorId: z.string().optional(), authorName: z.string().optional() }),
);
export type PulledChange = Change & { version: number; authorId?: string; authorName?: string };

export const pullQuery = z.object({
  schemaVersion,
  /** Bounded so that no cursor overflows PostgreSQL's bigint. */
  since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type PullQuery = z.infer<typeof pullQuery>;

export const pullResponse = z.object({
  /** The protocol version the server answered in (the one asked for). */
  schemaVersion: z.number().int(),
  changes: z.array(pulledChange),
  /** Pass as `since` next time. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type PullResponse = {
  schemaVersion: number;
  changes: PulledChange[];
  cursor: number;
  hasMore: boolean;
};
