import { uuidv7 } from '@relance/shared';
import type { Benchmark } from './run';
import { scratchDatabase } from './support/postgres';
import { api, benchServer } from './support/server';
import { int, median, ms, ratio } from './support/stats';

/**
 * Push throughput: activities pushed through the HTTP API (validation, auth, rate limit, the
 * per-team version lock, dedup), against the same rows written by raw batched INSERTs with
 * `postgres` into the same table, with the same batch size and the same concurrency.
 */
const WRITERS = 4; // one team each, pushing at once
const BATCH = 100; // the extension's push batch size
const BATCHES_PER_WRITER = Number(process.env.BENCH_PUSH_BATCHES ?? 25);
const ROUNDS = 3;

function activity(clientId: string, n: number) {
  return {
    id: uuidv7(),
    type: 'comment',
    clientId,
    invoiceIds: [],
    date: '2026-03-12',
    at: '2026-03-12T09:30:00.000Z',
    text: `Appelé la comptabilité, paiement promis vendredi (${n})`,
  };
}

export const pushBenchmark: Benchmark = {
  id: 'sync-push',
  async run(machine) {
    const scratch = await scratchDatabase('push');
    const server = await benchServer(scratch.url);
    try {
      const teams = await Promise.all(
        Array.from({ length: WRITERS * 2 }, (_, i) => server.team(`Push ${i}`)),
      );
      const apiTeams = teams.slice(0, WRITERS);
      const rawTeams = teams.slice(WRITERS);
      const rawVersions = new Map(rawTeams.map((t) => [t.teamId, 0]));
      const clientId = uuidv7();
      const batchTimes = { api: [] as number[], raw: [] as number[] };

      const viaApi = async (batches: number, record: boolean) =>
        Promise.all(
          apiTeams.map(async (t) => {
            for (let b = 0; b < batches; b++) {
              const changes = Array.from({ length: BATCH }, (_, i) => ({
                kind: 'activity',
                activity: activity(clientId, i),
              }));
              const start = performance.now();
              const { results } = await api(server.url, t.token, '/sync/push', { changes });
              if (record) batchTimes.api.push(performance.now() - start);
              if (results.some((r: { status: string }) => r.status !== 'accepted'))
                throw new Error('push refused');
            }
          }),
        );

      const raw = async (batches: number, record: boolean) =>
        Promise.all(
          rawTeams.map(async (t) => {
            for (let b = 0; b < batches; b++) {
              let version = rawVersions.get(t.teamId)!;
              const rows = Array.from({ length: BATCH }, (_, i) => {
                const a = activity(clientId, i);
                return {
                  team_id: t.teamId,
                  id: a.id,
                  version: ++version,
                  type: a.type,
                  client_id: a.clientId,
                  date: a.date,
                  at: a.at,
                  author_id: t.personId,
                  data: scratch.sql.json({ ...a, authorId: t.personId, authorName: t.personName }),
                };
              });
              rawVersions.set(t.teamId, version);
              const start = performance.now();
              await scratch.sql`insert into activities ${scratch.sql(rows)}`;
              if (record) batchTimes.raw.push(performance.now() - start);
            }
          }),
        );

      // Warm both paths up (connections, prepared statements, JIT), then alternate measured rounds.
      await viaApi(3, false);
      await raw(3, false);
      const rates = { api: [] as number[], raw: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, fn] of [
          ['api', viaApi],
          ['raw', raw],
        ] as const) {
          const start = performance.now();
          await fn(BATCHES_PER_WRITER, true);
          const seconds = (performance.now() - start) / 1000;
          rates[name].push((WRITERS * BATCHES_PER_WRITER * BATCH) / seconds);
        }
      }
      const apiRate = median(rates.api);
      const rawRate = median(rates.raw);

      return `## Push throughput

${WRITERS} writers at once, one team each, ${BATCHES_PER_WRITER} batches of ${BATCH} activities per writer and
per round, ${ROUNDS} alternated rounds (medians shown). Relance: \`POST /api/v1/sync/push\` over HTTP to the
real server: every change validated with zod, the token checked and the request counted in the
shared rate-limit table (one statement), then the batch stored in one statement (the team's version
row moved and locked by \`UPDATE … RETURNING\`, rows inserted from one JSON parameter with
\`ON CONFLICT DO NOTHING RETURNING\`, duplicates answered). Baseline: the same rows, same batch size and
concurrency, written by raw multi-row \`INSERT\`s with \`postgres\` into the same table (no
transaction, no lock, no check).

| measure | baseline (raw INSERT) | Relance (push API) | ratio |
|---|---|---|---|
| changes stored per second | ${int(rawRate)} | ${int(apiRate)} | ${ratio(apiRate / rawRate)} of the baseline |
| time per batch of ${BATCH} (median) | ${ms(median(batchTimes.raw))} | ${ms(median(batchTimes.api))} | ${ratio(median(batchTimes.api) / median(batchTimes.raw))} |

Machine: ${machine}; ${scratch.version}.`;
    } finally {
      await server.close();
      await scratch.drop();
    }
  },
};
