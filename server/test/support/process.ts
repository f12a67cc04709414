import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a server script (`src/main.ts`, `src/cli.ts`) with tsx, as `pnpm start`/`pnpm cli` do. */
export function runScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The scripts must pick their database from `env` alone.
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: SERVER_DIR, env: childEnv });
}

export function collectOutput(child: ChildProcess): { text: () => string } {
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { text: () => out };
}

export function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts `src/main.ts` and waits for the URL it prints. */
export async function startServerProcess(env: Record<string, string>) {
  const child = runScript('src/main.ts', [], { PORT: '0', HOST: '127.0.0.1', ...env });
  const output = collectOutput(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.text()}`)), 45_000);
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
  return {
    url,
    output,
    pid: child.pid!,
    /** SIGTERM, as a service manager would; resolves to the exit code. */
    async stop() {
      child.kill('SIGTERM');
      return exitCode(child);
    },
  };
}
