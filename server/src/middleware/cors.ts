import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9._-]+$/;

/**
 * Cross-origin calls are allowed from the browser extension only; the dashboard is same-origin and
 * needs no CORS. Any other origin gets no CORS headers, so browsers keep its scripts out.
 */
export function extensionCors() {
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
