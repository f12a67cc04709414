import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, privacyRoutes } from '../src/routes/privacy';

describe('GET /privacy', () => {
  it('serves docs/privacy.md as a page, in both languages, with a strict policy', async () => {
    const res = await privacyRoutes().request('/privacy');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-/);
    const html = await res.text();
    expect(html).toContain('<h1>Relance — privacy policy</h1>');
    expect(html).toContain('<h1>Politique de confidentialité</h1>');
    // Every heading of the file is on the page.
    const source = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    for (const heading of source.match(/^## .*$/gm) ?? [])
      expect(html).toContain(`<h2>${heading.slice(3)}</h2>`);
  });
});

describe('markdownToHtml', () => {
  it('escapes markup and keeps lists, code and emphasis', () => {
    expect(markdownToHtml('# T\n\nA <b>x</b> `c` **b**\n\n- one\n  more\n- two')).toBe(
      '<h1>T</h1>\n<p>A &lt;b&gt;x&lt;/b&gt; <code>c</code> <strong>b</strong></p>\n<ul><li>one more</li><li>two</li></ul>',
    );
  });
});
