import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCheckpoint, type CheckpointHeader } from './checkpoint-format.js';
import { readCheckpointHeader, recoverCheckpointPair, saveCheckpointPair } from './checkpoint-pair.js';
import { resolveCheckpoint } from './load-checkpoint.js';

const checkpoint = (epoch: number) => {
  const header: CheckpointHeader = {
    format: 'residual-checkpoint',
    version: 1,
    model: { name: 'resnet20', numClasses: 2, inputShape: [4, 4, 3] },
    data: { kind: 'cifar10', source: 'x', classNames: ['a', 'b'], imageShape: [4, 4, 3], stats: { mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] } },
    fit: { epochs: 3, batchSize: 8, lr: 0.1, schedule: { kind: 'constant' }, labelSmoothing: 0, augment: null },
    optimizer: { kind: 'sgd', momentum: 0.9, weightDecay: 1e-4, step: epoch },
    seed: 1,
    state: { epoch, step: epoch, rng: [1, 2, 3, 4], bestAccuracy: 0.5, bestEpoch: epoch },
    history: [],
    backend: 'wasm',
    savedAt: '2026-12-01T00:00:00.000Z',
    tensors: [{ name: 'w', shape: [2], group: 'weights' }],
  };
  return encodeCheckpoint(header, [Float32Array.from([epoch, -epoch])]);
};

async function pair() {
  const dir = await mkdtemp(join(tmpdir(), 'residual-pair-'));
  return { last: join(dir, 'last.ckpt'), best: join(dir, 'best.ckpt') };
}

describe('the last/best checkpoint pair', () => {
  it('saves best.ckpt before last.ckpt, and only last.ckpt for an epoch that is not the best', async () => {
    const files = await pair();
    const order: string[] = [];
    await saveCheckpointPair(files, checkpoint(1), true, (which) => order.push(which));
    await saveCheckpointPair(files, checkpoint(2), false, (which) => order.push(which));
    expect(order).toEqual(['best', 'last', 'last']);
    expect([(await readCheckpointHeader(files.last))?.state.epoch, (await readCheckpointHeader(files.best))?.state.epoch]).toEqual([2, 1]);
    expect(await recoverCheckpointPair(files)).toBeNull();
  });

  it('completes a save stopped between the two renames: last.ckpt becomes the newer best.ckpt', async () => {
    const files = await pair();
    await writeFile(files.last, checkpoint(1));
    await writeFile(files.best, checkpoint(2)); // epoch 2 was the best: best.ckpt renamed, last.ckpt not yet
    expect(await recoverCheckpointPair(files)).toBe(
      `${files.last} was at epoch 1 and ${files.best} at epoch 2: a run was stopped between saving the two, so ${files.last} now holds epoch 2 too`,
    );
    expect(Buffer.compare(await readFile(files.last), await readFile(files.best))).toBe(0);
  });

  it('completes the first epoch stopped between the renames (no last.ckpt yet)', async () => {
    const files = await pair();
    await writeFile(files.best, checkpoint(1));
    const folder = join(files.last, '..');
    expect(await resolveCheckpoint(folder)).toBe(files.best);
    await expect(resolveCheckpoint(folder, 'last')).rejects.toThrow(
      `checkpoint: ${folder} must hold last.ckpt for --which last, but it holds best.ckpt only: a run was stopped while saving its first epoch. ` +
        `Use --which best, or complete the save with residual train --out ${folder} --resume.`,
    );
    expect(await recoverCheckpointPair(files)).toMatch(/was missing and .* at epoch 1/);
    expect((await readCheckpointHeader(files.last))?.state.epoch).toBe(1);
  });

  it('reads a header without the tensors, and says when a file is no checkpoint', async () => {
    const files = await pair();
    expect(await readCheckpointHeader(files.last)).toBeNull();
    await writeFile(files.last, 'hello');
    await expect(readCheckpointHeader(files.last)).rejects.toThrow(`checkpoint: ${files.last} must be a Residual checkpoint, but it does not start with RESIDUAL.`);
    const huge = Uint8Array.from([...new TextEncoder().encode('RESIDUAL'), 0xff, 0xff, 0xff, 0xff, 0x7b]); // a header of 4 GiB, one byte there
    await writeFile(files.last, huge);
    await expect(readCheckpointHeader(files.last)).rejects.toThrow(`checkpoint: ${files.last} must be a Residual checkpoint, but its header is truncated (13 bytes).`);
  });
});
