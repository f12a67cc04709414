import { z } from 'zod';
import { uuid } from './common';

/**
 * Team documents written to correct or teach the overlay's reading (issue 11).
 *
 * A `merge` document says that a client or invoice record (its id is the document's id) is the same
 * as another one (`into`): every install then reads its invoices, notes and activities as the other
 * record's, and the merged record stays stored as a tombstone — nothing is lost, and a merge made by
 * mistake is undone by deleting the merge document.
 */
export const mergeRecord = z.object({
  id: uuid,
  kind: z.enum(['client', 'invoice']),
  into: uuid,
});
export type MergeRecord = z.infer<typeof mergeRecord>;

const selector = z.string().min(1).max(1000);

/**
 * A site taught in teach mode (one per host; id derived from the host), shared by the team: rows
 * of a list and each field inside a row (relative selectors), or an invoice page's fields.
 */
export const siteMappingRecord = z.object({
  id: uuid,
  host: z.string().min(1).max(255),
  /** Rows of a list; absent for a mapping of an invoice page. */
  rowSelector: selector.optional(),
  fields: z.object({
    number: selector,
    client: selector,
    amount: selector,
    dueDate: selector,
    status: selector.optional(),
    amountDue: selector.optional(),
  }),
});
export type SiteMappingRecord = z.infer<typeof siteMappingRecord>;

/**
 * What a lead asks from the dashboard or the API to correct a wrong record: merge a client or an
 * invoice into the right one, or delete one that is no client / no invoice at all. The server turns
 * it into ordinary synced document writes (a `merge` document, tombstones, re-pointed records) with
 * its own clock, so every install pulls and applies it like any teammate's change.
 */
export const correctionRequest = z.discriminatedUnion('action', [
  z
    .object({ action: z.literal('merge'), kind: z.enum(['client', 'invoice']), id: uuid, into: uuid })
    .refine((m) => m.id !== m.into, { message: 'a record cannot be merged into itself', path: ['into'] }),
  z.object({ action: z.literal('delete'), kind: z.enum(['client', 'invoice']), id: uuid }),
]);
export type CorrectionRequest = z.infer<typeof correctionRequest>;

/** What a correction wrote (counts of documents), for the answer and the dashboard's message. */
export const correctionResult = z.object({
  action: z.enum(['merge', 'delete']),
  kind: z.enum(['client', 'invoice']),
  id: uuid,
  into: uuid.optional(),
  /** Invoices re-pointed to the client merged into. */
  invoicesMoved: z.number().int(),
  /** Invoices merged into the same invoice (same site and number) or deleted with their client. */
  invoicesMerged: z.number().int(),
  invoicesDeleted: z.number().int(),
  notesMoved: z.number().int(),
});
export type CorrectionResult = z.infer<typeof correctionResult>;
