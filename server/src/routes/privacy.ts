import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { securityHeaders } from '../dashboard/http/render';

// The privacy policy the stores link to: docs/privacy.md, the one text, served as a page so the
// listing can point at any team's server (or the project's) without a second copy to keep true.
const POLICY_FILE = new URL('../../../docs/privacy.md', import.meta.url);

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bold, italics and code inside a line; the text is escaped first, so no markup gets through. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/** The little Markdown the policy uses: headings, paragraphs, bullet lists, rules. */
export function markdownToHtml(markdown: string): string {
  const html: string[] = [];
  let paragraph: string[] = [];
  let items: string[] | undefined;
  const flush = () => {
    if (paragraph.length > 0) html.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (items) html.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    items = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      flush();
      const level = (heading[1] ?? '#').length;
      html.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
    } else if (line === '---') {
      flush();
      html.push('<hr>');
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      items ??= [];
      items.push(line.slice(2));
    } else if (line.startsWith('  ') && items && line.trim() !== '') {
      items[items.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      if (items) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return html.join('\n');
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2937}' +
  'code{background:#f3f4f6;padding:0 .2em;border-radius:3px}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}';

const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

export function privacyRoutes() {
  let page: string | undefined;
  return new Hono<AppEnv>().get('/privacy', async (c) => {
    page ??= [
      '<!doctype html><html lang="en"><head><meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>Relance — privacy policy / politique de confidentialité</title>',
      `<style>${STYLE}</style></head><body><main>`,
      markdownToHtml(await readFile(POLICY_FILE, 'utf8')),
      '</main></body></html>',
    ].join('');
    securityHeaders(c);
    // One inline style block, allowed by its hash rather than by loosening the whole policy.
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; style-src '${STYLE_HASH}'; frame-ancestors 'none'`,
    );
    c.header('Cache-Control', 'public, max-age=3600');
    return c.html(page);
  });
}
