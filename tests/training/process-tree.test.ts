import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProcfs, processesMentioning, startCli, waitForStderr } from './cli-process.js';

const requireProcfs = process.env['CI'] === 'true';

describe('one command, one process', () => {
  it.skipIf(!hasProcfs && !requireProcfs)('SIGKILL of the residual process ends the training with it', async () => {
    expect(hasProcfs, 'this test reads /proc to find left-over processes (Linux)').toBe(true);
    const out = join(await mkdtemp(join(tmpdir(), 'residual-tree-')), 'run');
    const cli = startCli(['train', '--data', 'cifar10-sample', '--limit', '64', '--batch-size', '8', '--epochs', '1', '--backend', 'wasm', '--out', out]);
    await waitForStderr(cli, /^epoch 1\/1 \[[^\]]*\] 1\/8 /m);
    cli.child.kill('SIGKILL');
    expect((await cli.ended).signal).toBe('SIGKILL');
    await new Promise((done) => setTimeout(done, 500));
    const left = processesMentioning(out);
    for (const pid of left) process.kill(pid, 'SIGKILL'); // do not leave a stray trainer behind when this fails
    expect(left, `processes still training into ${out} after the residual process was killed`).toEqual([]);
  });
});
