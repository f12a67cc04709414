import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleBenchmark } from './bundle-size';
import { dexieBenchmark } from './dexie-history';
import { overlayBenchmark } from './overlay';
import { pullBenchmark } from './sync-pull';
import { pushBenchmark } from './sync-push';

/**
 * `pnpm bench`: runs every benchmark (or those named on the command line) and writes each one's
 * section of docs/benchmarks.md, between `<!-- bench:ID -->` markers, leaving the others as they are.
 */
export interface Benchmark {
  id: string;
  run(machine: string): Promise<string>;
}

const BENCHMARKS: Benchmark[] = [
  overlayBenchmark,
  pushBenchmark,
  pullBenchmark,
  dexieBenchmark,
  bundleBenchmark,
];
const REPORT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const HEADER = `# Benchmarks

Each figure is a ratio against a baseline measured in the same run on the same machine; run them
again with \`pnpm bench\` (it builds the extension first).
`;

export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
}

async function writeSection(id: string, markdown: string): Promise<void> {
  const current = await readFile(REPORT, 'utf8').catch(() => HEADER);
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(REPORT, next);
}

const wanted = process.argv.slice(2);
const machine = describeMachine();
for (const bench of BENCHMARKS) {
  if (wanted.length > 0 && !wanted.includes(bench.id)) continue;
  console.log(`bench ${bench.id}…`);
  const markdown = await bench.run(machine);
  await writeSection(bench.id, markdown);
  console.log(markdown);
}
