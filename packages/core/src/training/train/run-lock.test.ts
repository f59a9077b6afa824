import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProcessRunning, lockRunFolder } from './run-lock.js';

/** A Node process that waits; the test ends it. */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { pid: child.pid as number, stop: async () => (child.kill('SIGKILL'), exited) };
}

const lockOf = (pid: number, host = hostname()) =>
  `${JSON.stringify({ pid, host, command: 'residual train --out x', started: '2026-12-01T10:00:00.000Z', token: 'abcdef0123456789' })}\n`;

describe('lockRunFolder', () => {
  it('writes the PID, refuses a second writer while the first runs, and releases', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-lock-'));
    const lock = await lockRunFolder(out, 'residual train --out a');
    expect(JSON.parse(await readFile(join(out, 'train.lock'), 'utf8'))).toMatchObject({ pid: process.pid, command: 'residual train --out a' });
    await lock.assertHeld();
    await lock.release();
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a folder whose lock names a running process', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-lock-'));
    const other = sleeper();
    try {
      await writeFile(join(out, 'train.lock'), lockOf(other.pid));
      await expect(lockRunFolder(out, 'residual train')).rejects.toThrow(
        `train: --out ${out} must have one writer at a time, but process ${other.pid} on ${hostname()} (residual train --out x, started 2026-12-01T10:00:00.000Z) is training into it. ` +
          `Wait for it to end or choose another --out (if that process is not a residual run, delete ${join(out, 'train.lock')}).`,
      );
      expect(await readdir(out)).toEqual(['train.lock']); // its lock untouched, no draft left
    } finally {
      await other.stop();
    }
  });

  it('reports a stale lock (its process is gone) and takes it over', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-lock-'));
    const gone = sleeper();
    await gone.stop();
    expect(isProcessRunning(gone.pid)).toBe(false);
    await writeFile(join(out, 'train.lock'), lockOf(gone.pid));
    const notes: string[] = [];
    const lock = await lockRunFolder(out, 'residual train --resume', (line) => notes.push(line));
    expect(notes).toEqual([
      `note: ${join(out, 'train.lock')} was left by process ${gone.pid} on ${hostname()} (residual train --out x, started 2026-12-01T10:00:00.000Z), ` +
        'which is no longer running: this run takes the folder over.',
    ]);
    expect(JSON.parse(await readFile(join(out, 'train.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('stops a writer whose lock was taken from it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-lock-'));
    const lock = await lockRunFolder(out, 'residual train');
    await writeFile(join(out, 'train.lock'), lockOf(4242));
    await expect(lock.assertHeld()).rejects.toThrow(
      new RegExp(`^train: --out .* must stay locked by this run \\(process ${process.pid}\\), but .*train\\.lock now names process 4242 on `),
    );
    await lock.release();
    expect(await readdir(out)).toEqual(['train.lock']); // not ours: left alone
  });

  it('refuses a lock from another machine, which it cannot check', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-lock-'));
    await writeFile(join(out, 'train.lock'), lockOf(1, 'elsewhere'));
    await expect(lockRunFolder(out, 'residual train')).rejects.toThrow(/says process 1 on elsewhere .* writes it, and that machine cannot be checked from here\./);
  });
});
