import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCheckpoint } from '@residual/core';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './cli-process.js';

// 64 real CIFAR-10 images, batch 8: 8 steps an epoch, 3 epochs, on wasm with Residual's kernels.
const trainArgs = (out: string) => [
  'train', '--model', 'resnet20', '--data', 'cifar10-sample', '--limit', '64', '--batch-size', '8',
  '--epochs', '3', '--lr', '0.05', '--backend', 'wasm', '--seed', '3', '--out', out,
];

async function metrics(out: string) {
  const lines = (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as { kind: string; epoch?: number; testLoss?: number; trainLoss?: number });
}

async function checkpointEpoch(file: string): Promise<number> {
  return decodeCheckpoint(new Uint8Array(await readFile(file)), file).header.state.epoch;
}

describe('killing a real training process mid-epoch loses at most that epoch', () => {
  it('SIGKILL during epoch 2, then --resume: the run finishes as if never interrupted', async () => {
    const work = await mkdtemp(join(tmpdir(), 'residual-kill-'));
    const interrupted = join(work, 'interrupted');
    const straight = join(work, 'straight');

    // An uninterrupted reference run, in parallel with the one we kill.
    const reference = runCli(trainArgs(straight));

    const victim = startCli(trainArgs(interrupted));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        // Progress lines look like "epoch 2/3 [===>  ] 3/8 loss …": kill three steps into epoch 2.
        if (/^epoch 2\/3 \[[^\]]*\] 3\/8 /m.test(victim.stderr())) {
          clearInterval(timer);
          victim.child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      void victim.exited.then(() => {
        clearInterval(timer);
        reject(new Error(`training ended before it could be killed:\n${victim.stderr()}`));
      });
    });
    expect((await victim.exited).signal).toBe('SIGKILL');

    // What survives the kill: epoch 1, complete and readable.
    expect(await checkpointEpoch(join(interrupted, 'last.ckpt'))).toBe(1);
    expect((await metrics(interrupted)).map((line) => line.epoch ?? line.kind)).toEqual(['run', 1]);
    expect((await readdir(interrupted)).sort()).toEqual(['best.ckpt', 'curves.svg', 'last.ckpt', 'metrics.jsonl']);

    const resumed = await runCli([...trainArgs(interrupted), '--resume']);
    expect(resumed.stderr).not.toMatch(/\n\s+at /);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`resuming ${join(interrupted, 'last.ckpt')}: 1 of 3 epochs done`);
    expect(await checkpointEpoch(join(interrupted, 'last.ckpt'))).toBe(3);

    const { code } = await reference;
    expect(code).toBe(0);
    const after = await metrics(interrupted);
    const expected = await metrics(straight);
    expect(after.map((line) => line.epoch ?? line.kind)).toEqual(['run', 1, 2, 3]);
    // Weights, optimiser state, BN statistics and the data/augmentation generator were all restored:
    // the resumed epochs reproduce the uninterrupted run's numbers exactly.
    expect(after.slice(1).map((line) => [line.trainLoss, line.testLoss])).toEqual(expected.slice(1).map((line) => [line.trainLoss, line.testLoss]));
  });

  it('a diverging loss stops with a message naming epoch and step, keeps the last good checkpoint, and --resume with a lower --lr recovers', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-nan-')), 'run');
    const base = ['train', '--data', 'cifar10-sample', '--limit', '32', '--batch-size', '8', '--backend', 'wasm', '--out', out];
    expect((await runCli([...base, '--epochs', '1'])).code).toBe(0);
    const good = await readFile(join(out, 'last.ckpt'));

    const diverged = await runCli([...base, '--epochs', '2', '--resume', '--lr', '1e38']);
    expect(diverged.code).toBe(1);
    expect(diverged.stderr).toMatch(
      /error: training: the loss must stay finite, but got (NaN|Infinity|-Infinity) at epoch 2, step \d \(learning rate [\d.e+]+\)\. Lower the learning rate \(--lr\)/,
    );
    expect(diverged.stderr).not.toMatch(/\n\s+at /);
    expect(Buffer.compare(await readFile(join(out, 'last.ckpt')), good)).toBe(0);

    const recovered = await runCli([...base, '--epochs', '2', '--resume', '--lr', '0.01']);
    expect(recovered.code).toBe(0);
    expect(await checkpointEpoch(join(out, 'last.ckpt'))).toBe(2);
  });
});
