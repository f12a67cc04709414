import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startFixtureServer } from '../e2e/fixtures/invoicing/server';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/lib/browser';
import type { Benchmark } from './run';

/**
 * The invoicing overlay on a 2,000-row invoice list, against a baseline content script that only
 * reads the same rows, in the same run: time until every row has its badge (baseline: until every
 * row is read), and the longest main-thread task of the page (from a CDP trace).
 */
const ROWS = 2000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RELANCE_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
const BASELINE_DIR = fileURLToPath(new URL('./overlay-baseline', import.meta.url));
const CHROMIUM = chromiumPath();

// puppeteer-core is a dependency of the e2e package: load it from there.
const requireFromE2e = createRequire(new URL('../e2e/package.json', import.meta.url));
type Puppeteer = typeof import('puppeteer-core').default;
type Page = import('puppeteer-core').Page;
async function loadPuppeteer(): Promise<Puppeteer> {
  const module = await import(pathToFileURL(requireFromE2e.resolve('puppeteer-core')).href);
  return module.default as Puppeteer;
}

interface Sample {
  /** Milliseconds from navigation start until done (all badges / all rows read). */
  doneMs: number;
  /** Longest task on the page's main thread between navigation and done. */
  longestTaskMs: number;
  /** Longest task that ran extension code (content script). */
  longestExtensionTaskMs: number;
}

type Variant = 'baseline' | 'relance';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; frame?: string } };
}

/**
 * Tasks of the page's main thread (the renderer that parsed the benchmark page; other renderers,
 * such as the browser's own pages, are left out), and which of them ran a chrome-extension://
 * script (the content script's callbacks, and the rendering work in the same task).
 */
function analyseTrace(buffer: Uint8Array, pagePath: string) {
  const events = (JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const pagePids = new Set(
    events
      .filter(
        (e) =>
          e.name === 'ParseHTML' &&
          (e.args as { beginData?: { url?: string } })?.beginData?.url?.includes(pagePath),
      )
      .map((e) => e.pid),
  );
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  if (mainThreads.size === 0) throw new Error('the page was not found in the trace');
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e));
  const extensionCalls = events.filter((e) => {
    if (e.ph !== 'X' || !onMain(e)) return false;
    const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
    return url.startsWith('chrome-extension://');
  });
  let longest = 0;
  let longestExtension = 0;
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    longest = Math.max(longest, dur);
    const end = task.ts + (task.dur ?? 0);
    const ranExtension = extensionCalls.some(
      (c) => c.pid === task.pid && c.tid === task.tid && c.ts >= task.ts && c.ts <= end,
    );
    if (ranExtension) longestExtension = Math.max(longestExtension, dur);
  }
  return { longest, longestExtension };
}

/** One fresh profile: the list seen for the first time, then seen again (invoices already known). */
async function measure(puppeteer: Puppeteer, variant: Variant, url: string): Promise<Sample[]> {
  const profile = await mkdtemp(join(tmpdir(), 'relance-bench-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    userDataDir: profile,
    enableExtensions: [variant === 'relance' ? RELANCE_DIR : BASELINE_DIR],
    args: [...CHROMIUM_ARGS],
  });
  try {
    if (variant === 'relance') {
      const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
      // The worker's script may still be starting: the first message must find it listening.
      for (let waited = 0; waited < 10_000; waited += 100) {
        if (await worker?.evaluate(() => 'relanceBackground' in globalThis)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const page: Page = await browser.newPage();
    const samples: Sample[] = [];
    for (let visit = 0; visit < 2; visit++) {
      await page.tracing.start({
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const done =
        variant === 'relance'
          ? () => document.getElementsByTagName('relance-badge').length >= 2000
          : () => document.documentElement.hasAttribute('data-baseline-rows');
      await page.waitForFunction(done, { polling: 'raf', timeout: 180_000 });
      const doneMs = await page.evaluate(() => performance.now());
      // Let the tasks still running finish inside the trace, then stop it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const trace = await page.tracing.stop();
      const { longest, longestExtension } = analyseTrace(trace!, '/large.html');
      if (variant === 'relance') {
        const stages = await page.$$eval(
          'relance-badge',
          (badges) => new Set(badges.map((b) => b.getAttribute('data-stage'))).size,
        );
        if (stages < 5) throw new Error(`expected every stage on the benchmark page, saw ${stages}`);
      }
      samples.push({ doneMs, longestTaskMs: longest, longestExtensionTaskMs: longestExtension });
    }
    return samples;
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export const overlayBenchmark: Benchmark = {
  id: 'overlay',
  async run(machine) {
    const puppeteer = await loadPuppeteer();
    const fixtures = await startFixtureServer();
    const url = fixtures.url(`/large.html?rows=${ROWS}`);
    // samples[variant][visit]: visit 0 = first sight of the list, 1 = the same list again.
    const samples: Record<Variant, [Sample[], Sample[]]> = { baseline: [[], []], relance: [[], []] };
    let chromium = '';
    try {
      const probe = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        pipe: true,
        args: [...CHROMIUM_ARGS],
      });
      chromium = await probe.version();
      await probe.close();
      // Alternate the two so that machine noise falls on both alike.
      for (let i = 0; i < RUNS; i++) {
        for (const variant of ['baseline', 'relance'] as const) {
          const [first, again] = await measure(puppeteer, variant, url);
          samples[variant][0].push(first!);
          samples[variant][1].push(again!);
        }
      }
    } finally {
      await fixtures.close();
    }
    const row = (label: string, visit: 0 | 1, pick: (s: Sample) => number) => {
      const base = median(samples.baseline[visit].map(pick));
      const relance = median(samples.relance[visit].map(pick));
      return `| ${label} | ${ms(base)} | ${ms(relance)} | ${ratio(relance, base)} |`;
    };
    const rows = ([0, 1] as const).flatMap((visit) => {
      const when = visit === 0 ? 'first visit' : 'second visit';
      return [
        row(`${when}: done (all rows read / all badges shown)`, visit, (s) => s.doneMs),
        row(`${when}: longest main-thread task`, visit, (s) => s.longestTaskMs),
        row(`${when}: longest task running extension code`, visit, (s) => s.longestExtensionTaskMs),
      ];
    });
    return `## Invoicing overlay on a ${ROWS.toLocaleString('en')}-row list

Page: \`e2e/fixtures/invoicing/large.html?rows=${ROWS}\` (a server-rendered French table, every stage
present). Baseline: a content script injected at the same moment that only reads the same rows'
cells (\`bench/overlay-baseline\`). Relance: the built extension (\`.output/chrome-mv3\`), its
background answering the policy for every row, one \`<relance-badge>\` per row. Each run uses a fresh
browser profile and opens the list twice: the first visit records 2,000 invoices never seen
before, the second finds them known. Medians of ${RUNS} runs of each, alternated. "Done" counts from
navigation start; tasks come from a Chromium trace of the page's main thread (the page's own
parsing and layout included, the same for both).

| measure | baseline | Relance | ratio |
|---|---|---|---|
${rows.join('\n')}

Where the time goes. "Done" is mostly the background: on a first visit it records 2,000 invoices
it has never seen (IndexedDB writes and sync outbox) before answering; on the second it only reads
and evaluates them. The page is not blocked meanwhile: the content script reads rows and builds
badges in slices of about 8 ms, off the page. The longest task is the page laying its 2,000-row
table out again when the badges enter it (the invoice-number column widens), which costs about as
much as the table's first layout, or more; so badges enter together (the first answer at once,
then when nothing more is on its way), and only the first 200 are drawn at once, the others when
they come near the viewport.

Machine: ${machine}; ${chromium} headless. The machine was shared with other jobs while this ran,
so absolute times vary from run to run; the ratios come from runs interleaved on the same load.`;
  },
};
