import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { bnModes, bnModesConfigs } from './train-vs-eval.js';

beforeAll(useCpuBackend);

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
    // running mean after k steps ≈ (1 − momentumᵏ) · data mean
    expect(runningMean).toBeCloseTo((1 - Math.pow(momentum ?? NaN, steps ?? NaN)) * (dataMean ?? NaN), 0);
    expect(evalOutputMeanStart).toBeGreaterThan(2.5);
    expect(Math.abs(evalOutputMeanEnd ?? NaN)).toBeLessThan(Math.abs(evalOutputMeanStart ?? NaN) / 5);
    expect(trainBatchEffect).toBeGreaterThan(0.01);
    expect(evalBatchEffect).toBe(0);
  });

  it('is deterministic', async () => {
    expect(await bnModes.run(small())).toEqual(await bnModes.run(small()));
  });
});
