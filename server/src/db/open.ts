import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './lock';
import * as schema from './schema';

/** What the services use: the common part of both drivers' drizzle databases. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenedDatabase {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, for logs (a folder, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data folder; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  /**
   * PGlite only: start from this dump of a database (see `template.ts`) instead of an empty one.
   * Skipping PostgreSQL's initdb makes a fresh in-memory database start several times faster.
   */
  template?: Blob;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data/pglite', import.meta.url));

/** Any number that is ours alone: two processes migrating one PostgreSQL database wait for each other. */
const MIGRATION_LOCK_KEY = 7_265_436_101;

/** Opens the database (PostgreSQL when a URL is given, PGlite otherwise) and applies pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR, options.template);
}

async function openPglite(dataDir: string, template?: Blob): Promise<OpenedDatabase> {
  let unlock = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(dataDir, template ? { loadDataDir: template } : {});
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    return {
      db: db as unknown as Database,
      driver: 'pglite',
      location: dataDir,
      async close() {
        try {
          await opened.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    await client?.close();
    unlock();
    throw error;
  }
}

async function openPostgres(databaseUrl: string): Promise<OpenedDatabase> {
  // Quiet the "relation already exists, skipping" notices of the migrator.
  const client = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  try {
    await migrateUnderLock(client, db);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    location: redactUrl(databaseUrl),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle's migrator is not safe to run twice at once on one database (several server instances
 * starting, parallel test files): a session-level advisory lock, held on a reserved connection,
 * makes the others wait and then find nothing left to apply.
 */
async function migrateUnderLock(client: postgres.Sql, db: Parameters<typeof migratePostgres>[0]) {
  const lockConnection = await client.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    lockConnection.release();
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

/** `db.execute()` gives `{ rows }` on PGlite and a plain array on postgres-js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
