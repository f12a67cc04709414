import { type App, createApp } from './app';
import { type Database, openDatabase } from './db/open';
import { migratedTemplate } from './db/template';
import { listen } from './serve';
import { createInvite } from './services/invites';
import { createTeam } from './services/teams';

export interface TestTeam {
  teamId: string;
  /** The owner's bearer token. */
  token: string;
  /** The owner. */
  personId: string;
  /** A fresh single-use invite code (role member) for a second person to join with. */
  inviteCode: string;
}

export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  app: App;
  db: Database;
  stop(): Promise<void>;
  /** A new team with one owner; `name` defaults to a unique one. */
  createTeam(name?: string): Promise<TestTeam>;
}

let teamCounter = 0;

/**
 * A real server on an ephemeral port for the extension's and e2e tests.
 * Database: a PostgreSQL URL if given, else PGlite in `dataDir`, else PGlite in memory (fresh each time).
 */
export async function startTestServer(
  options: { databaseUrl?: string; dataDir?: string } = {},
): Promise<TestServer> {
  const opened = await openDatabase(
    options.databaseUrl
      ? { databaseUrl: options.databaseUrl }
      : options.dataDir
        ? { dataDir: options.dataDir }
        : { dataDir: 'memory://', template: await migratedTemplate() },
  );
  const app = createApp({ db: opened.db });
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen(app, 0, '127.0.0.1');
  } catch (error) {
    await opened.close();
    throw error;
  }
  return {
    url: server.url,
    app,
    db: opened.db,
    async stop() {
      await server.close();
      await opened.close();
    },
    async createTeam(name) {
      teamCounter += 1;
      const { team, person, token } = await createTeam(opened.db, {
        teamName: name ?? `Test team ${teamCounter}`,
        personName: 'Owner',
      });
      const { code } = await createInvite(opened.db, { teamId: team.id, createdBy: person.id });
      return { teamId: team.id, token, personId: person.id, inviteCode: code };
    },
  };
}
