// IndexedDB in Node: the same engine the extension's unit tests use.
import 'fake-indexeddb/auto';
import { clientTimeline } from '../extension/lib/background/services/timeline';
import { RelanceDb } from '../extension/lib/db';
import type { Benchmark } from './run';
import { int, median, ms, ratio } from './support/stats';

/**
 * The notes panel asks the background for one client's whole history. With 100,000 activities
 * on the install (1,000 clients × 100), the real lookup (`clientTimeline`, by the `clientId`
 * index) against a baseline that reads every activity and keeps the client's (what a missing
 * index would cost). Both on fake-indexeddb, in the same run.
 */
const ACTIVITIES = Number(process.env.BENCH_DEXIE_ACTIVITIES ?? 100_000);
const CLIENTS = 1_000;
const LOOKUPS = 30;
const SCANS = 5;

const clientId = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const dexieBenchmark: Benchmark = {
  id: 'dexie-history',
  async run(machine) {
    const db = new RelanceDb(`relance-bench-${process.pid}`);
    try {
      const seedStart = performance.now();
      const CHUNK = 5_000;
      for (let start = 0; start < ACTIVITIES; start += CHUNK) {
        await db.activities.bulkAdd(
          Array.from({ length: Math.min(CHUNK, ACTIVITIES - start) }, (_, k) => {
            const n = start + k;
            const day = new Date(Date.UTC(2021, 0, 1) + (n % 1500) * 86_400_000).toISOString();
            return {
              id: `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
              type: 'comment' as const,
              clientId: clientId(n % CLIENTS),
              invoiceIds: [],
              date: day.slice(0, 10),
              at: day,
              text: `Relance téléphonique n° ${n}`,
              authorName: 'Marie',
            };
          }),
        );
      }
      const seedSeconds = (performance.now() - seedStart) / 1000;

      const lookups: number[] = [];
      for (let i = 0; i < LOOKUPS; i++) {
        const id = clientId((i * 37) % CLIENTS);
        const start = performance.now();
        const { entries } = await clientTimeline(db, id);
        lookups.push(performance.now() - start);
        if (entries.length !== ACTIVITIES / CLIENTS)
          throw new Error(`timeline has ${entries.length} entries`);
      }
      const scans: number[] = [];
      for (let i = 0; i < SCANS; i++) {
        const id = clientId((i * 53) % CLIENTS);
        const start = performance.now();
        const found = (await db.activities.toArray()).filter((a) => a.clientId === id);
        scans.push(performance.now() - start);
        if (found.length !== ACTIVITIES / CLIENTS) throw new Error(`scan found ${found.length}`);
      }
      const indexed = median(lookups);
      const scan = median(scans);

      return `## One client's history on the install

${int(ACTIVITIES)} activities in the extension's IndexedDB (${int(CLIENTS)} clients × ${int(ACTIVITIES / CLIENTS)}, seeded with
\`bulkAdd\` in ${seedSeconds.toFixed(0)} s), on fake-indexeddb in Node. Relance: \`clientTimeline\` (the notes
panel's query: the client, its activities by the \`clientId\` index, its notes), median of ${LOOKUPS}
clients. Baseline: read every activity and keep the client's, median of ${SCANS}.

| measure | baseline (full scan) | Relance (index) | ratio |
|---|---|---|---|
| one client's history (${int(ACTIVITIES / CLIENTS)} activities) | ${ms(scan)} | ${ms(indexed)} | ${ratio(indexed / scan)} (${int(scan / indexed)} times faster) |

Absolute times differ in a browser's IndexedDB; what matters is the comparison: the lookup reads
one client's rows, the scan all of them.

Machine: ${machine}.`;
    } finally {
      db.close();
      await db.delete();
    }
  },
};
