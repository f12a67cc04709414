import { zValidator } from '@hono/zod-validator';
import type { FieldIssue } from '@relance/shared';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ServiceError } from '../services/errors';

/**
 * zod validation of one part of the request. A failure answers 400
 * `{ error: 'invalid_request', issues: [{ path, message }] }` naming each field.
 */
export function validate<T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues: FieldIssue[] = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(body)',
        message: issue.message,
      }));
      throw new ServiceError(400, 'invalid_request', `invalid ${target}`, { issues });
    }
  });
}
