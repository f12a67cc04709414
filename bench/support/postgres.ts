import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Sql } from 'postgres';

/**
 * The server benchmarks need a real PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else the
 * local one (`postgres://postgres@127.0.0.1:5432/postgres`). Each run works in a scratch database of
 * its own, dropped at the end.
 */
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));

export async function loadPostgres(): Promise<typeof import('postgres').default> {
  const module = await import(pathToFileURL(requireFromServer.resolve('postgres')).href);
  return module.default;
}

export interface ScratchDatabase {
  url: string;
  /** A client of the scratch database for the benchmark's own SQL. */
  sql: Sql;
  version: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const postgres = await loadPostgres();
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `relance_bench_${label}_${process.pid}`;
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `The benchmark needs PostgreSQL at ${redact(adminUrl)} (set BENCH_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 8, onnotice: () => {} });
  const [{ version }] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  return {
    url: url.toString(),
    sql,
    version: `PostgreSQL ${version}`,
    async drop() {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
