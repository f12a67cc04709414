import { UserError } from './userError';

// Site addresses as match patterns: pure, so the options page and the popup use them without the background.

/**
 * `factures.example.com`, `https://factures.example.com/app/list` or `*.example.com` → a match
 * pattern for the whole site (`https://factures.example.com/*`). http is kept when typed.
 */
export function sitePattern(input: string): string {
  const text = input.trim();
  if (!text) throw new UserError('invalid-site', 'no site given');
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  const wildcard = withScheme.match(/^(https?):\/\/\*\.([^/]+)/i);
  if (wildcard) return `${wildcard[1]!.toLowerCase()}://*.${wildcard[2]!.toLowerCase()}/*`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError('invalid-site', `"${input}" is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError('invalid-site', `"${input}" is not an http(s) address`);
  }
  // Match patterns take no port: the host's pattern covers every port.
  return `${url.protocol}//${url.hostname}/*`;
}

/** Where the overlay runs without being added (the manifest's static content-script matches). */
export const BUILT_IN_SITE_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Whether a site pattern made by `sitePattern` (or a built-in one) covers a page address. */
export function patternCovers(pattern: string, pageUrl: string): boolean {
  const parts = pattern.match(/^(https?):\/\/(\*\.)?([^/]+)\/\*$/i);
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (!parts || url.protocol !== `${parts[1]!.toLowerCase()}:`) return false;
  const host = url.hostname.toLowerCase();
  const domain = parts[3]!.toLowerCase();
  return host === domain || (!!parts[2] && host.endsWith(`.${domain}`));
}
