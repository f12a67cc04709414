/**
 * A failure the person can understand and act on. `code` picks the translated text in the UI
 * (see i18n); `message` carries the details for the curious.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: string,
    message: string = code,
  ) {
    super(message);
  }
}

/** A zod error as one line a person can read: `dueDate: not a real calendar date; ...`. */
export function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
