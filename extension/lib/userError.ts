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
