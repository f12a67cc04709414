import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProcess, holdsLock } from '../../src/db/lock';
import { openDatabase } from '../../src/db/open';
import { startServerProcess } from '../support/process';

/**
 * A server that crashed leaves its lock behind. The next start must take the folder over when
 * the pid in the lock is a zombie, or now belongs to another program (pids are reused), and must
 * still refuse while a live Relance holds it.
 */
const LOCK = 'relance-server.lock';
const children: ChildProcess[] = [];
const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relance-lock-'));
  folders.push(dir);
  return dir;
}

/** A process that stays a zombie: its parent (`sleep`) never waits for it. */
async function zombiePid(): Promise<number> {
  const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 60'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(parent);
  const pid = await new Promise<number>((resolve) =>
    parent.stdout!.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  for (let i = 0; i < 100 && !describeProcess(pid)?.zombie; i++) await new Promise((r) => setTimeout(r, 20));
  return pid;
}

/** A live program that has nothing to do with Relance. */
function unrelatedPid(): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

beforeAll(() => {
  if (!describeProcess(process.pid)) throw new Error('these checks need /proc (Linux)');
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the PGlite folder lock after a crash', () => {
  it('is taken over when its pid is a zombie (old and new lock formats)', async () => {
    const pid = await zombiePid();
    const facts = describeProcess(pid)!;
    expect(facts.zombie).toBe(true);
    expect(holdsLock({ pid })).toBe(false);
    expect(holdsLock({ pid, startTime: facts.startTime, bootId: facts.bootId })).toBe(false);

    // The real server process starts on the folder and answers.
    const dir = folder();
    writeFileSync(join(dir, LOCK), String(pid));
    const server = await startServerProcess({ RELANCE_DATA_DIR: dir });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // The lock now names the new server, with its start time and command line.
      const lock = JSON.parse(readFileSync(join(dir, LOCK), 'utf8'));
      expect(lock.pid).toBe(server.pid);
      expect(lock.startTime).toMatch(/^\d+$/);
      expect(lock.command).toContain('main.ts');
      // And a live Relance is still respected, with a message naming it.
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        new RegExp(`in use by process ${server.pid} \\(.*main\\.ts`),
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('is taken over when its pid now belongs to an unrelated live process', async () => {
    const pid = unrelatedPid();
    const facts = describeProcess(pid)!;
    // The lock a crashed server wrote: the same pid, but it started at another time.
    const crashed = {
      pid,
      startTime: String(Number(facts.startTime) - 1000),
      bootId: facts.bootId,
      command: 'node main.ts',
    };
    expect(holdsLock(crashed)).toBe(false);
    // A lock from before a reboot: another boot id.
    expect(holdsLock({ ...crashed, startTime: facts.startTime, bootId: 'another-boot' })).toBe(false);
    // An old bare-pid lock, now the pid of `sleep`.
    expect(holdsLock({ pid })).toBe(false);
    // The process itself, described as it is, does hold it.
    expect(holdsLock({ pid, startTime: facts.startTime, bootId: facts.bootId })).toBe(true);

    for (const content of [JSON.stringify(crashed), String(pid), '{half-written']) {
      const dir = folder();
      writeFileSync(join(dir, LOCK), content);
      const opened = await openDatabase({ dataDir: dir });
      await opened.close();
    }
  }, 120_000);
});
