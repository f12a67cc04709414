import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Benchmark } from './run';
import { kib, ratio } from './support/stats';

/**
 * What a browser downloads and parses for each part of the built extension (`.output/chrome-mv3`,
 * made by `pnpm build`), raw and gzipped, against the libraries it stands on bundled alone by the
 * same bundler in the same run: Preact for the content scripts, Dexie + zod for the background.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(ROOT, '.output/chrome-mv3');

const BASELINES = {
  preact: `import { h, render } from 'preact';
    import { useEffect, useState } from 'preact/hooks';
    function App() { const [n, setN] = useState(0); useEffect(() => setN(1), []); return h('p', null, n); }
    render(h(App, null), document.body);`,
  'dexie + zod': `import Dexie from 'dexie';
    import { z } from 'zod';
    const db = new Dexie('x'); db.version(1).stores({ a: 'id' });
    const schema = z.object({ id: z.string(), n: z.number().int() });
    db.table('a').get('1').then((row) => schema.parse(row));`,
} as const;

/**
 * Budgets (gzip) of issue 14, checked on every build by `e2e/bundle-budgets.test.ts`. No baseline:
 * the file stands on no library (the webmail overlay draws with plain DOM).
 */
const PARTS: { file: string; what: string; baseline?: keyof typeof BASELINES; budgetKib?: number }[] = [
  {
    file: 'content-scripts/invoicing.js',
    what: 'invoicing overlay (content script)',
    baseline: 'preact',
    budgetKib: 25,
  },
  {
    file: 'invoicing-ui.js',
    what: 'its panels, dialog, letters and teach mode (imported when the page is idle or on first use)',
    baseline: 'preact',
  },
  {
    file: 'content-scripts/webmail.js',
    what: 'webmail overlay (content script)',
    budgetKib: 15,
  },
  {
    file: 'webmail-ui.js',
    what: 'its address line, client search and health outline (imported when idle after a compose window opens, or on first use)',
  },
  { file: 'background.js', what: 'background service worker', baseline: 'dexie + zod', budgetKib: 60 },
];

/** Bundles `source` with Vite, as WXT builds the extension (production mode, minified). */
async function bundleAlone(name: string, source: string): Promise<Buffer> {
  // Inside node_modules, so that the libraries resolve as they do for the extension.
  const dir = join(ROOT, 'node_modules/.cache/relance-bench');
  const entry = join(dir, `${name.replace(/\W+/g, '-')}.js`);
  await mkdir(dir, { recursive: true });
  await writeFile(entry, source);
  try {
    const output = await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      mode: 'production',
      build: { write: false, minify: true, rollupOptions: { input: entry, output: { format: 'iife' } } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output : [],
    );
    return Buffer.concat(chunks.flatMap((c) => (c.type === 'chunk' ? [Buffer.from(c.code)] : [])));
  } finally {
    await rm(entry, { force: true });
  }
}

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

export const bundleBenchmark: Benchmark = {
  id: 'bundle-size',
  async run(machine) {
    const baselines = new Map<string, number>();
    for (const [name, source] of Object.entries(BASELINES))
      baselines.set(name, gzipped(await bundleAlone(name, source)));

    const rows: string[] = [];
    for (const part of PARTS) {
      const bytes = await readFile(join(OUTPUT, part.file)).catch(() => {
        throw new Error(
          `${join(OUTPUT, part.file)} is missing: run \`pnpm build\` first (\`pnpm bench\` does).`,
        );
      });
      const gz = gzipped(bytes);
      const base = part.baseline ? baselines.get(part.baseline)! : null;
      const budget = part.budgetKib
        ? `${part.budgetKib} KiB: ${gz <= part.budgetKib * 1024 ? 'within' : `**over by ${kib(gz - part.budgetKib * 1024)}**`}`
        : '—';
      rows.push(
        `| ${part.what} (\`${part.file}\`) | ${kib(bytes.length)} | ${kib(gz)} | ${budget} | ${base === null ? 'none (plain DOM)' : `${part.baseline}: ${kib(base)}`} | ${base === null ? '—' : ratio(gz / base)} |`,
      );
    }
    return `## Bundle sizes

The built Chrome extension (\`.output/chrome-mv3\`, minified by the production build), each file
raw and gzipped (level 9). Baseline: the libraries the file is built on, bundled alone by the same
bundler (Vite, production, minified) and gzipped the same way, in the same run.

| file | raw | gzip | budget (gzip) | baseline (gzip) | ratio (gzip) |
|---|---|---|---|---|---|
${rows.join('\n')}

Machine: ${machine}.`;
  },
};
