import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../data/data-error.js';

/** What a lock file holds (JSON). */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The command line of the run that holds it. */
  readonly command: string;
  readonly started: string;
  /** Tells this lock from an older one of a process that had the same PID. */
  readonly token: string;
}

/** A run folder held by this process: `train.lock` names it. */
export interface RunLock {
  readonly file: string;
  /** Throws when the lock is no longer this process's (deleted or taken over): stop writing. */
  assertHeld(): Promise<void>;
  /** Deletes the lock if it is still this process's. */
  release(): Promise<void>;
}

/** The lock file of a run folder. */
export const lockFileName = 'train.lock';

/**
 * Whether a process with this PID is running on this machine.
 *
 * @param pid - a process id.
 * @returns true when it runs (also when it belongs to another user).
 * @example
 * isProcessRunning(process.pid); // true
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

async function readOwner(file: string): Promise<LockOwner | 'gone' | 'unreadable'> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'gone' : undefined));
  if (text === 'gone') return 'gone';
  if (text === undefined) return 'unreadable';
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.token === 'string' ? owner : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

const describeOwner = (owner: LockOwner) => `process ${owner.pid} on ${owner.host} (${owner.command}, started ${owner.started})`;

/**
 * Makes this process the one writer of a run folder: creates `<out>/train.lock` holding its PID,
 * host, command line and start time, atomically (a complete file is linked into place, so nobody
 * reads half a lock). A lock whose process is still running is refused, naming that process; a
 * lock left by a process that is gone (killed, crashed) is reported through `onNote` and taken over.
 *
 * @param out - the run folder (it must exist).
 * @param command - this run's command line, for the next process's message.
 * @param onNote - where to report a stale lock taken over.
 * @returns the lock; release it when the run ends.
 * @throws DataError when another running process holds the folder.
 * @example
 * const lock = await lockRunFolder('runs/a', 'residual train …', console.error);
 * try { … } finally { await lock.release(); }
 */
export async function lockRunFolder(out: string, command: string, onNote: (line: string) => void = () => {}): Promise<RunLock> {
  const file = join(out, lockFileName);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const draft = `${file}.tmp-${process.pid}-${owner.token.slice(0, 6)}`;
  await writeFile(draft, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await link(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readOwner(file);
      if (holder === 'gone') {
        // Released between our link and our read: try again, a few times.
        if (attempt < 3) continue;
        throw new DataError(`train: --out ${out} must have one writer at a time, but other runs keep taking and releasing it. Choose another --out.`);
      }
      if (holder !== 'unreadable' && holder.pid !== process.pid) {
        if (holder.host !== owner.host) {
          throw new DataError(
            `train: --out ${out} must have one writer at a time, but ${file} says ${describeOwner(holder)} writes it, and that machine cannot be checked from here. ` +
              `Wait for that run to end, choose another --out, or delete ${file} if it is not running.`,
          );
        }
        if (isProcessRunning(holder.pid)) {
          throw new DataError(
            `train: --out ${out} must have one writer at a time, but ${describeOwner(holder)} is training into it. ` +
              `Wait for it to end or choose another --out (if that process is not a residual run, delete ${file}).`,
          );
        }
      }
      onNote(
        `note: ${file} was left by ${holder === 'unreadable' ? 'a run whose lock cannot be read' : describeOwner(holder)}, which is no longer running: ` +
          'this run takes the folder over.',
      );
      // Replace the stale lock in one step; if another process did the same meanwhile, the check below tells.
      await rename(draft, file);
      const now = await readOwner(file);
      if (now === 'gone' || now === 'unreadable' || now.token !== owner.token) {
        throw new DataError(`train: --out ${out} must have one writer at a time, but another run took it over at the same moment. Choose another --out.`);
      }
      break;
    }
  } finally {
    await rm(draft, { force: true });
  }
  return {
    file,
    async assertHeld() {
      const now = await readOwner(file);
      if (now === 'gone' || now === 'unreadable' || now.token !== owner.token) {
        throw new DataError(
          `train: --out ${out} must stay locked by this run (process ${process.pid}), but ${file} ` +
            `${now === 'gone' ? 'was deleted' : now === 'unreadable' ? 'was overwritten' : `now names ${describeOwner(now)}`}. ` +
            'Nothing more is written; check who else writes this folder, then continue with --resume.',
        );
      }
    },
    async release() {
      const now = await readOwner(file);
      if (now !== 'gone' && now !== 'unreadable' && now.token === owner.token) await rm(file, { force: true });
    },
  };
}
