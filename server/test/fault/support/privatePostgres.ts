import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL 15 cluster of the test's own, in a temporary folder, on a free port: it can be
 * stopped and restarted at will without touching the machine's shared PostgreSQL, which other
 * tests use at the same time. PostgreSQL refuses to run as root: as root, every command runs as
 * the `postgres` user, which owns the folder.
 */
export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly asUser: string | null,
  ) {}

  static readonly BIN = process.env.RELANCE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir() {
    return join(this.dir, 'data');
  }

  static async start(): Promise<PrivatePostgres> {
    for (const tool of ['initdb', 'pg_ctl']) {
      if (!existsSync(join(PrivatePostgres.BIN, tool))) {
        throw new Error(
          `PostgreSQL 15 is needed for this test and ${join(PrivatePostgres.BIN, tool)} is missing: ` +
            'install it (apt-get install postgresql-15) or point RELANCE_PG_BIN at its bin folder.',
        );
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'relance-pg-'));
    let asUser: string | null = null;
    if (process.getuid?.() === 0) {
      asUser = 'postgres';
      const ids = await Promise.all([run('id', ['-u', asUser]), run('id', ['-g', asUser])]);
      chownSync(dir, Number(ids[0].stdout.trim()), Number(ids[1].stdout.trim()));
    }
    const cluster = new PrivatePostgres(dir, await freePort(), asUser);
    await cluster.pg('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await cluster.startServer();
    return cluster;
  }

  private async pg(tool: string, args: string[]) {
    const command = join(PrivatePostgres.BIN, tool);
    try {
      return this.asUser
        ? await run('runuser', ['-u', this.asUser, '--', command, ...args])
        : await run(command, args);
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
    }
  }

  private startServer() {
    return this.pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  }

  /** Stops PostgreSQL as a crash would (`immediate`: no checkpoint, every connection cut). */
  async crash(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Starts it again after `crash()`; it recovers from its write-ahead log. */
  async resume(): Promise<void> {
    await this.startServer();
  }

  async stop(): Promise<void> {
    try {
      await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
