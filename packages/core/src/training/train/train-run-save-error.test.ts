import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { registerTrainingKernels } from '../../engine/kernels/register-training-kernels.js';
import { toyDataset } from './__fixtures__/toy-data.js';
import { paperSgd } from './optimizer.js';
import { defaultSchedule } from './schedule.js';
import { trainRun, type TrainRunOptions } from './train-run.js';

// A disk that fills up: the n-th write of last.ckpt fails with ENOSPC, as writeFile would.
const disk = vi.hoisted(() => ({ failLastWrite: 0, lastWrites: 0 }));
vi.mock('../checkpoint/write-checkpoint.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../checkpoint/write-checkpoint.js')>();
  return {
    ...original,
    writeFileAtomic: async (path: string, bytes: Uint8Array | string) => {
      if (path.endsWith('last.ckpt') && ++disk.lastWrites === disk.failLastWrite) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
      }
      return original.writeFileAtomic(path, bytes);
    },
  };
});

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

function options(out: string, more: Partial<TrainRunOptions> = {}): TrainRunOptions {
  return {
    model: 'resnet20',
    data: toyDataset(16),
    out,
    fit: { epochs: 2, batchSize: 8, lr: 0.05, schedule: defaultSchedule('step'), labelSmoothing: 0, augment: null },
    optimizer: paperSgd,
    seed: 1,
    resume: false,
    backend: { name: 'wasm' },
    command: 'residual train …',
    ...more,
  };
}

describe('trainRun when the disk is full', () => {
  it('names the file, the reason and what was kept, and --resume completes the run once there is space', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-enospc-')), 'run');
    disk.failLastWrite = 2;
    await expect(trainRun(options(out))).rejects.toThrow(
      new RegExp(
        `^train: ${out}/last\\.ckpt must be saved, but writing it failed with ENOSPC \\(no space left on the device\\)\\. ` +
          `Epoch 2 is not completely saved: ${out}/last\\.ckpt \\(epoch 1\\) and ${out}/best\\.ckpt \\(epoch 1\\) are kept; ` +
          'free some space or fix the folder, then continue with --resume\\.$',
      ),
    );
    expect(await readdir(out)).not.toContain('train.lock');
    disk.failLastWrite = 0;
    const resumed = await trainRun(options(out, { resume: true }));
    expect([resumed.history.map((metrics) => metrics.epoch), resumed.state.epoch]).toEqual([[1, 2], 2]);
  });
});
