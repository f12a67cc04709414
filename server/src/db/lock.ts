import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'relance-server.lock';

/**
 * PGlite lets two processes open one data folder, and then the last to close silently overwrites
 * what the other wrote. A lock file keeps a second server (or the CLI while the server runs) out.
 *
 * A pid alone is not proof that the owner lives: after a crash the pid may linger as a zombie, or
 * be handed to another program (a reboot, a container restart, pids wrapping round). So the lock
 * names its owner by pid, the process's start time and boot (from /proc on Linux) and its command
 * line; the folder is in use only while a running, non-zombie process matches all of them. Where
 * /proc is missing (macOS, Windows) the pid check is all there is.
 */
export interface LockOwner {
  pid: number;
  /** Clock ticks since boot at which the process started (/proc/<pid>/stat, field 22). */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: a start time means nothing across a reboot. */
  bootId?: string;
  /** The command line, for the message a person reads. */
  command?: string;
}

export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const facts = describeProcess(process.pid);
  const me: LockOwner = facts
    ? { pid: facts.pid, startTime: facts.startTime, bootId: facts.bootId, command: facts.command }
    : { pid: process.pid };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        try {
          // Only our own lock: never remove one another process took over meanwhile.
          if (readOwner(path)?.pid === me.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readOwner(path);
      if (holder && holdsLock(holder)) {
        const what = holder.command ? ` (${holder.command.slice(0, 200)})` : ' (a running Relance server?)';
        throw new Error(
          `The data folder ${dataDir} is in use by process ${holder.pid}${what}. ` +
            'Stop it first: PGlite allows one process at a time.',
        );
      }
      // A stale lock: moved aside under a name of our own first, so that two processes taking it
      // over at once cannot remove the lock the other has just made.
      try {
        const aside = `${path}.stale-${process.pid}`;
        renameSync(path, aside);
        unlinkSync(aside);
      } catch {
        // Someone else took it over first: try again.
      }
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

/** The lock's owner, from the JSON this module writes or the bare pid older versions wrote. */
function readOwner(path: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as LockOwner;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : null;
  } catch {
    return null; // A half-written or foreign file holds nothing.
  }
}

/** Whether the process the lock names is still the one that wrote it. */
export function holdsLock(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const now = describeProcess(owner.pid);
  if (!now) return true; // No /proc: the pid is all we can go by.
  if (now.zombie) return false;
  if (owner.startTime === undefined) {
    // An old-format lock (a bare pid): held only by a program that could be a Relance server.
    return /node|tsx|relance/i.test(now.command ?? '');
  }
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return false;
  return owner.startTime === now.startTime;
}

interface ProcessFacts extends LockOwner {
  zombie: boolean;
}

/** What /proc says about a process, or null where there is no /proc (or no such process). */
export function describeProcess(pid: number): ProcessFacts | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const startTime = fields[19];
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    } catch {
      // A zombie has no command line any more.
    }
    let bootId: string | undefined;
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = undefined;
    }
    return { pid, startTime, bootId, command, zombie: state === 'Z' || state === 'X' };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
