import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';

/** `{ path: 'changes.0.activity.date', message }`: which field, and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * zod validation of one part of the request. A failure answers 400
 * `{ error: 'invalid_request', issues: [{ path, message }] }` naming each field.
 */
export function validate<T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues: FieldIssue[] = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(body)',
        message: issue.message,
      }));
      return c.json({ error: 'invalid_request', message: `invalid ${target}`, issues }, 400);
    }
  });
}
