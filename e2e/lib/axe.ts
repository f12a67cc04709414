import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

// axe-core from npm, evaluated in the page through the devtools protocol (so the extension's and
// the dashboard's script policies, which forbid inline scripts, do not stop it). axe follows open
// shadow roots, where Relance's overlay lives.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface AxeOptions {
  /**
   * Keep only nodes inside these host elements (e.g. `['relance-']` for all of Relance's own,
   * `['relance-reminder']` for the dialog), for pages of other sites.
   */
  within?: string[];
}

/** The serious and critical WCAG 2.2 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated script defined.
    const axe = (window as any).axe;
    const run = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return (
      run.violations as {
        id: string;
        impact: string;
        help: string;
        nodes: { target: (string | string[])[] }[];
      }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.flat().join(' >>> ')),
    }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: options.within
        ? v.targets.filter((t) => options.within!.some((host) => t.startsWith(host)))
        : v.targets,
    }))
    .filter((v) => v.targets.length > 0);
}
