import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, type OpenDatabaseOptions } from './db/open';

/**
 * Where the database is, from the environment: DATABASE_URL (PostgreSQL), else PGlite in
 * RELANCE_DATA_DIR. A relative folder is taken from where the command was typed: pnpm runs the
 * scripts inside `server/` but keeps that place in INIT_CWD.
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  const dir = env.RELANCE_DATA_DIR;
  if (!dir) return { dataDir: DEFAULT_DATA_DIR };
  return { dataDir: isAbsolute(dir) ? dir : resolve(env.INIT_CWD || process.cwd(), dir) };
}

/** A positive integer from the environment, or the default when unset. */
export function integerFromEnv(
  name: string,
  fallback: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}
