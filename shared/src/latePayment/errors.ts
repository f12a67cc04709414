import type { z } from 'zod';

/** One line per problem, `field: message`, e.g. `amountCents: amount must not be negative`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n');
}

/** Thrown for invalid input to the late-payment functions; the message lists each problem. */
export class LatePaymentInputError extends Error {
  readonly issues: z.core.$ZodIssue[];
  constructor(error: z.ZodError) {
    super(`Invalid late-payment input:\n${describeIssues(error)}`);
    this.name = 'LatePaymentInputError';
    this.issues = error.issues;
  }
}
