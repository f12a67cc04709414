import { createApp } from './app';
import { adminTokenFromEnv, databaseOptionsFromEnv, integerFromEnv, signupFromEnv } from './config';
import { openDatabase } from './db/open';
import { rateLimitsFromEnv } from './middleware/rate-limit';
import { listen } from './serve';

/**
 * Starts the server: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in
 * RELANCE_DATA_DIR (default `data/pglite` under the repo). Migrations are applied first.
 */
async function main() {
  const port = integerFromEnv('PORT', 8787)!;
  if (port > 65535) throw new Error(`PORT is not a port number: ${port}`);
  const maxBodyBytes = integerFromEnv('RELANCE_MAX_BODY_BYTES', undefined);
  const rateLimit = rateLimitsFromEnv();
  const signup = signupFromEnv();
  const adminToken = adminTokenFromEnv();

  const database = await openDatabase(databaseOptionsFromEnv());
  const app = createApp({
    db: database.db,
    maxBodyBytes,
    rateLimit,
    trustProxy: rateLimit.trustProxy,
    signup,
    adminToken,
  });
  const server = await listen(app, port, process.env.HOST || undefined);
  console.log(`Relance server listening on ${server.url} (${database.driver}: ${database.location})`);
  console.log(
    signup === 'open'
      ? 'Sign-up is open: anyone who reaches this server can create a team (RELANCE_SIGNUP=closed to stop it).'
      : `Sign-up is closed: teams are created with the CLI${adminToken ? ' or with RELANCE_ADMIN_TOKEN' : ''}.`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await server.close();
    // PGlite writes its files on close: never exit before it is done.
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('Relance server failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
