import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Pages are rendered on the server and need no script: the policy allows none at all, styles
 * from our own stylesheet only, and forms posting back to us only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function securityHeaders(c: Context): void {
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
}

/** A whole page; Preact escapes every text and attribute, so scraped strings stay text. */
export function htmlPage(c: Context, page: VNode, status: ContentfulStatusCode = 200): Response {
  // Figures are private to the team: never kept by a shared cache or the back/forward cache of another person.
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${render(page)}`, status);
}
