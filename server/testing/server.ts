import { type App, createApp } from '../src/app';
import type { AppDeps } from '../src/app-env';
import { type Database, openDatabase } from '../src/db/open';
import { migratedTemplate } from '../src/db/template';
import { listen } from '../src/serve';
import { createInvite } from '../src/services/invites';
import { createTeam } from '../src/services/teams';

export interface TestTeam {
  teamId: string;
  teamName: string;
  /** The owner's bearer token. */
  token: string;
  /** The owner. */
  personId: string;
  personName: string;
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
  createTeam(name?: string, ownerName?: string): Promise<TestTeam>;
}

export interface TestServerOptions extends Omit<AppDeps, 'db'> {
  /** PostgreSQL; else PGlite in `dataDir`; else PGlite in memory, fresh each time. */
  databaseUrl?: string;
  dataDir?: string;
}

let teamCounter = 0;

/** A real server on an ephemeral port of 127.0.0.1, for the extension's, e2e and bench runs. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { databaseUrl, dataDir, ...deps } = options;
  const opened = await openDatabase(
    databaseUrl
      ? { databaseUrl }
      : dataDir
        ? { dataDir }
        : { dataDir: 'memory://', template: await migratedTemplate() },
  );
  const app = createApp({ db: opened.db, ...deps });
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
    async createTeam(name, ownerName = 'Owner') {
      teamCounter += 1;
      const { team, person, token } = await createTeam(opened.db, {
        teamName: name ?? `Test team ${teamCounter}`,
        personName: ownerName,
      });
      const { code } = await createInvite(opened.db, { teamId: team.id, createdBy: person.id });
      return {
        teamId: team.id,
        teamName: team.name,
        token,
        personId: person.id,
        personName: person.name,
        inviteCode: code,
      };
    },
  };
}
