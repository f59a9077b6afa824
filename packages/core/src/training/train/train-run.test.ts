import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from '../../engine/kernels/register-training-kernels.js';
import { toyDataset } from './__fixtures__/toy-data.js';
import { paperSgd } from './optimizer.js';
import { defaultSchedule } from './schedule.js';
import { trainRun, type TrainRunOptions } from './train-run.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

function options(out: string, epochs: number, more: Partial<TrainRunOptions> = {}): TrainRunOptions {
  return {
    model: 'resnet20',
    data: toyDataset(16),
    out,
    fit: { epochs, batchSize: 8, lr: 0.05, schedule: defaultSchedule('step'), labelSmoothing: 0, augment: null },
    optimizer: paperSgd,
    seed: 1,
    resume: false,
    backend: { name: 'wasm' },
    command: 'residual train --max-minutes …',
    ...more,
  };
}

const epochLines = async (out: string) =>
  (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n').filter((line) => line.includes('"kind":"epoch"')).length;

describe('trainRun with a time budget (stopBy)', () => {
  it('stops after the epoch that leaves no time for another, saved, and --resume finishes the run', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-budget-')), 'run');
    const first = await trainRun(options(out, 3, { stopBy: Date.now() })); // already spent: one epoch still runs
    expect(first.stopped).toMatchObject({ epoch: 1, epochs: 3 });
    expect(first.stopped!.nextEpochSeconds).toBeGreaterThan(0);
    expect([first.history.length, first.state.epoch, await epochLines(out)]).toEqual([1, 1, 1]);

    const rest = await trainRun(options(out, 3, { resume: true, stopBy: Date.now() + 3_600_000 }));
    expect(rest.stopped).toBeNull();
    expect([rest.history.map((metrics) => metrics.epoch), rest.state.epoch, await epochLines(out)]).toEqual([[1, 2, 3], 3, 3]);
  });

  it('reports no stop when the budget runs out on the last epoch, nor without a budget', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-budget-')), 'run');
    const last = await trainRun(options(out, 1, { stopBy: Date.now() }));
    expect([last.stopped, last.state.epoch]).toEqual([null, 1]);
    const unbounded = await trainRun(options(join(out, 'again'), 1));
    expect([unbounded.stopped, unbounded.state.epoch]).toEqual([null, 1]);
  });
});
