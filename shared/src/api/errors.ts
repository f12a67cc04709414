import { z } from 'zod';

/** `{ path: 'changes.0.activity.date', message }`: which field, and what is wrong with it. */
export const fieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

/**
 * Every error the server answers, on every route: a stable machine-readable `error` code, words
 * for a person, and whether the same request may succeed later (`retryable`: a rate limit, the
 * server's own trouble) or never will as it is (bad input, a missing right).
 */
export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  /** Invalid input: one entry per field. */
  issues: z.array(fieldIssue).optional(),
  /** 429: seconds to wait, as in the `Retry-After` header. */
  retryAfter: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiError>;
