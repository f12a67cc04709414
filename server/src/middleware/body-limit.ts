import { bodyLimit } from 'hono/body-limit';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Refuses bodies above `maxBytes` with a 413 JSON answer, before anything reads them. */
export function limitBody(maxBytes: number = DEFAULT_MAX_BODY_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        {
          error: 'payload_too_large',
          message: `request body is larger than ${maxBytes} bytes`,
          retryable: false,
          maxBytes,
        },
        413,
      ),
  });
}
