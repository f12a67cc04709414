/**
 * An expected failure with an HTTP status and a stable code the clients can branch on. `retryable`
 * says whether the same request may succeed later as it is; `details` go into the JSON answer.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly retryable = status === 429 || status === 503,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
