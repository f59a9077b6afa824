import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { runLiveExample } from '../../src/live-runner.js';
import { bnModes } from './train-vs-eval.js';

beforeAll(useCpuBackend);

const run = async (settings = {}) => (await runLiveExample(bnModes, { size: 'full', settings })).result;

describe('live example bn-modes', () => {
  it('shows normalized training outputs, slow running statistics and the batch effect', async () => {
    const before = tf.memory().numTensors;
    const result = await run();
    expect(tf.memory().numTensors).toBe(before);
    const { momentum, steps, dataMean, trainOutputMean, runningMean, evalOutputMeanStart, evalOutputMeanEnd, trainBatchEffect, evalBatchEffect } =
      result.summary as Record<string, number>;
    expect(steps).toBe(20);
    expect(momentum).toBe(0.9);
    expect(Math.abs(trainOutputMean ?? NaN)).toBeLessThan(0.01);
    // running mean after k steps ≈ (1 − momentumᵏ) · data mean
    expect(runningMean).toBeCloseTo((1 - Math.pow(momentum ?? NaN, steps ?? NaN)) * (dataMean ?? NaN), 0);
    expect(evalOutputMeanStart).toBeGreaterThan(2.5);
    expect(Math.abs(evalOutputMeanEnd ?? NaN)).toBeLessThan(Math.abs(evalOutputMeanStart ?? NaN) / 5);
    expect(trainBatchEffect).toBeGreaterThan(0.01);
    expect(evalBatchEffect).toBe(0);
  });

  it('is deterministic', async () => {
    expect(await run()).toEqual(await run());
  });

  it('the first exercise on the page: with momentum 0.9 the running mean passes 90 % of the data mean at step 22, not 21', async () => {
    const at = async (steps: number) => Number((await run({ steps, momentum: 0.9, dataStd: 0.1 })).summary['runningMean']) / 3;
    expect(await at(21)).toBeLessThan(0.9);
    expect(await at(22)).toBeGreaterThan(0.9);
  });

  it('the second exercise on the page: one 1 × 1 image in training mode gives β (0) whatever the input', async () => {
    const { trainOutputMean, trainBatchEffect } = (await run({ batch: 1, size: 1 })).summary;
    expect(trainOutputMean).toBe(0);
    expect(trainBatchEffect).toBe(0);
  });
});
