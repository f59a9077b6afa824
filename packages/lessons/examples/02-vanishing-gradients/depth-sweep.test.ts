import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from '@residual/core/engine';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { depthSweep } from './depth-sweep.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import { gradNormConfig, gradNorms } from './grad-norms-live.js';

beforeAll(async () => {
  await useCpuBackend();
  registerTrainingKernels(tf.getBackend());
});

describe('lesson 2: spread against depth alone', () => {
  it('changes only the number of blocks, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const rows = await depthSweep(gradNormConfig(resolveLiveSettings(gradNorms, 'full')), [2, 8]);
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((row) => row.blocks)).toEqual([2, 8]);
    for (const row of rows) {
      expect(row.plain).toBeGreaterThanOrEqual(1);
      expect(row.residual).toBeGreaterThanOrEqual(1);
    }
    // What exercise 3 says of the measurement: deeper plain stacks spread more, and more than their twins.
    const [shallow, deep] = rows;
    expect(deep?.plain).toBeGreaterThan(shallow?.plain ?? Number.POSITIVE_INFINITY);
    expect(deep?.plain).toBeGreaterThan(deep?.residual ?? Number.POSITIVE_INFINITY);
  });
});
