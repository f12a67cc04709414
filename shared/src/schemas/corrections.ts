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
