import { isAbsolute, resolve } from 'node:path';
import type { SignupPolicy } from './app-env';
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

/**
 * RELANCE_SIGNUP: `open` lets anyone who reaches the server create a team; `closed` leaves that
 * to the CLI (`create-team`) and to the instance admin (RELANCE_ADMIN_TOKEN). Unset, it is closed
 * when NODE_ENV=production and open otherwise (a developer's machine, the tests).
 */
export function signupFromEnv(env: NodeJS.ProcessEnv = process.env): SignupPolicy {
  const raw = (env.RELANCE_SIGNUP ?? '').trim().toLowerCase();
  if (raw === '') return env.NODE_ENV === 'production' ? 'closed' : 'open';
  if (raw === 'open' || raw === 'closed') return raw;
  throw new Error(`RELANCE_SIGNUP must be "open" or "closed", not "${env.RELANCE_SIGNUP}"`);
}

/** RELANCE_ADMIN_TOKEN: at least 32 characters, so that it cannot be guessed. */
export function adminTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.RELANCE_ADMIN_TOKEN?.trim();
  if (!raw) return undefined;
  if (raw.length < 32) throw new Error('RELANCE_ADMIN_TOKEN must be at least 32 characters long');
  return raw;
}
