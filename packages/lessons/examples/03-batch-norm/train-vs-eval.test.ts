import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { bnModes, bnModesConfigs } from './train-vs-eval.js';

beforeAll(useCpuBackend);

/** The mean over channels of the running mean after the small run's steps, for a Keras momentum. */
function expectedRunningMean(momentum: number): number {
  const { steps, batch, size, channels, dataMean, dataStd, seed } = bnModesConfigs.small;
  const running = tf.tidy(() => {
    let value = tf.zeros([channels]);
    for (let step = 1; step <= steps; step += 1) {
      const data = tf.randomNormal([batch, size, size, channels], dataMean, dataStd, 'float32', seed + 1 + step); // the run's batch
      value = tf.add(tf.mul(value, momentum), tf.mul(tf.mean(data, [0, 1, 2]), 1 - momentum));
    }
    return tf.mean(value).dataSync()[0];
  });
  if (running === undefined) throw new Error('expectedRunningMean: the mean must have one value, but got none.');
  return running;
}

const small = () => ({ size: 'small' as const, signal: new AbortController().signal, onProgress: () => {} });

describe('live example bn-modes', () => {
  it('shows normalized training outputs, slow running statistics and the batch effect', async () => {
    const before = tf.memory().numTensors;
    const result = await bnModes.run(small());
    expect(tf.memory().numTensors).toBe(before);
    const { momentum, steps, dataMean, trainOutputMean, runningMean, evalOutputMeanStart, evalOutputMeanEnd, trainBatchEffect, evalBatchEffect } =
      result.summary as Record<string, number>;
    expect(steps).toBe(bnModesConfigs.small.steps);
    expect(Math.abs(trainOutputMean ?? NaN)).toBeLessThan(0.01);
    // The library's documented default: Keras's momentum 0.9, which is PyTorch's momentum 0.1.
    expect(momentum).toBe(0.9);
    expect(dataMean).toBe(bnModesConfigs.small.dataMean);
    // The running mean after the run, recomputed from the same seeded batches by the rule
    // running ← 0.9 · running + 0.1 · batch mean (per channel, from 0); PyTorch's 0.1 read as
    // Keras's (running ← 0.1 · running + 0.9 · batch mean) would land near the data mean instead.
    expect(runningMean).toBeCloseTo(expectedRunningMean(0.9), 3);
    expect(Math.abs(expectedRunningMean(0.1) - expectedRunningMean(0.9))).toBeGreaterThan(0.1);
    expect(evalOutputMeanStart).toBeGreaterThan(2.5);
    expect(Math.abs(evalOutputMeanEnd ?? NaN)).toBeLessThan(Math.abs(evalOutputMeanStart ?? NaN) / 5);
    expect(trainBatchEffect).toBeGreaterThan(0.01);
    expect(evalBatchEffect).toBe(0);
  });

  it('is deterministic', async () => {
    expect(await bnModes.run(small())).toEqual(await bnModes.run(small()));
  });
});
