import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRunFolder, inspectRunFolder, removeTemporaries } from './run-folder.js';

describe('run folder housekeeping', () => {
  it("removes the temporary files of dead processes, and leaves a live process's own", async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-folder-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const names = [`last.ckpt.tmp-${dead}-a1b2c3`, `curves.svg.tmp-${dead}-zz`, `.write-test-${dead}`, `train.lock.tmp-${live.pid}-abcdef`, 'notes.txt', 'last.ckpt'];
    for (const name of names) await writeFile(join(out, name), '');
    try {
      expect(await removeTemporaries(out)).toEqual([`.write-test-${dead}`, `curves.svg.tmp-${dead}-zz`, `last.ckpt.tmp-${dead}-a1b2c3`]);
      expect((await readdir(out)).sort()).toEqual(['last.ckpt', 'notes.txt', `train.lock.tmp-${live.pid}-abcdef`]);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('describes what a folder holds, or nothing for a new one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'residual-folder-'));
    expect(describeRunFolder(await inspectRunFolder(join(out, 'new')))).toBeNull();
    await writeFile(join(out, 'metrics.jsonl'), '');
    await writeFile(join(out, 'last.ckpt'), 'damaged');
    expect(describeRunFolder(await inspectRunFolder(out))).toBe('last.ckpt (unreadable), metrics.jsonl');
  });
});
