import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, waitForStderr } from './cli-process.js';

const trainArgs = (out: string, ...more: string[]) => [
  'train', '--data', 'cifar10-sample', '--limit', '32', '--batch-size', '8', '--backend', 'wasm', '--out', out, ...more,
];

describe('one writer per run folder', () => {
  it('a second run into a folder that a running one writes is refused, naming its process', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-writers-')), 'run');
    const first = startCli(trainArgs(out, '--epochs', '3'));
    try {
      await waitForStderr(first, /^epoch 1\/3 \[/m);
      const second = await runCli(trainArgs(out, '--epochs', '3', '--resume'));
      expect(second.code).toBe(1);
      expect(second.stderr.trim().split('\n').at(-1)).toMatch(
        new RegExp(
          `^error: train: --out ${out} must have one writer at a time, but process ${first.child.pid} on \\S+ \\(residual train .*--epochs 3, started [\\dT:.Z-]+\\) is training into it\\. ` +
            `Wait for it to end or choose another --out \\(if that process is not a residual run, delete ${out}/train\\.lock\\)\\.$`,
        ),
      );
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
  });

  it('a diverging run saves nothing, names epoch, step and the files kept, and exits 1', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-nan-')), 'run');
    expect((await runCli(trainArgs(out, '--epochs', '1'))).code).toBe(0);
    const good = await readFile(join(out, 'last.ckpt'));
    const diverged = await runCli(trainArgs(out, '--epochs', '2', '--resume', '--lr', '1e38'));
    expect(diverged.code).toBe(1);
    expect(diverged.stderr).toMatch(
      /error: training: the (loss|weights|test loss) must stay finite, but .* epoch 2, step \d \(learning rate [\d.e+]+\)\. Lower the learning rate \(--lr\).* Nothing of epoch 2 was saved: .*last\.ckpt \(epoch 1\) and .*best\.ckpt \(epoch 1\) are kept; continue with --resume and a lower --lr\.\n$/,
    );
    expect(diverged.stderr).not.toMatch(/\n\s+at /);
    expect(Buffer.compare(await readFile(join(out, 'last.ckpt')), good)).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['best.ckpt', 'curves.svg', 'last.ckpt', 'metrics.jsonl']); // lock released
  });
});
