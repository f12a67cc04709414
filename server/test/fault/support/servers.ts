import type { ChildProcess } from 'node:child_process';
import { collectOutput, exitCode, runScript } from '../../support/process';

/**
 * The real server (`src/main.ts`, as `pnpm start` runs it) in a child process that a test can kill
 * with any signal, as an operating system or an orchestrator would.
 */
export class ServerProcess {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly output: { text: () => string },
  ) {}

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const child = runScript('src/main.ts', [], { PORT: '0', HOST: '127.0.0.1', ...FAULT_ENV, ...env });
    const output = collectOutput(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.text()}`)), 60_000);
      child.stdout?.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(output.text());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output.text()}`));
      });
    });
    return new ServerProcess(url, child, output);
  }

  /** The exit code once the process is gone (null while it runs, or when a signal ended it). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** Neither exited nor killed by a signal. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends `signal` and waits until the process is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const exited = exitCode(this.child);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await exited;
  }

  /** Stops it as a service manager would (SIGTERM), waiting for a clean exit. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = exitCode(this.child);
    this.child.kill('SIGTERM');
    return exited;
  }
}

/**
 * Fault tests create dozens of people from one address in seconds (an office joining at once):
 * the per-address limit is raised for them; the per-token limit stays as in production.
 */
const FAULT_ENV = { RELANCE_RATE_LIMIT_ANONYMOUS: '5000' };

/**
 * Where the simulated extensions send their requests: any live instance, picked at random per
 * request as a load balancer without stickiness would. A restarted server is swapped in here.
 */
export class Upstreams {
  private urls: string[] = [];
  /** Pushes sent and not yet answered, at this moment. */
  pushesInFlight = 0;
  /**
   * While true, the answers of pushes are thrown away as if the connection broke on the way back:
   * the server stored the batch, the install never learns it (a server dying right after commit).
   */
  losingAnswers = false;
  /** Push answers thrown away that way. */
  lostAnswers = 0;
  /** Changes a push answered `duplicate`: sent again after the server had stored them. */
  duplicates = 0;
  /** Answers by HTTP status, and requests that got no answer. */
  readonly statuses = new Map<number | 'network', number>();

  set(urls: string[]) {
    this.urls = [...urls];
  }

  /** Requests sent to each upstream. */
  readonly sent = new Map<string, number>();

  pick(): string {
    if (this.urls.length === 0) throw new Error('no server to send to');
    const url = this.urls[Math.floor(Math.random() * this.urls.length)]!;
    this.sent.set(url, (this.sent.get(url) ?? 0) + 1);
    return url;
  }

  count(status: number | 'network') {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  /** How many answers had a status of 500 or more. */
  serverErrors(): number {
    return [...this.statuses].reduce((n, [s, c]) => (typeof s === 'number' && s >= 500 ? n + c : n), 0);
  }
}
