import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { runLiveExample } from '../../src/live-runner.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import { bnModes, bnModesConfig } from './train-vs-eval.js';

beforeAll(useCpuBackend);

const run = async (settings = {}) => (await runLiveExample(bnModes, { size: 'full', settings })).result;

/** The lesson's configuration: the knobs' defaults. */
const lesson = () => bnModesConfig(resolveLiveSettings(bnModes, 'full'));

/** The mean over channels of the running mean after the lesson's steps, for a Keras momentum. */
function expectedRunningMean(momentum: number): number {
  const { steps, batch, size, channels, dataMean, dataStd, seed } = lesson();
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

describe('live example bn-modes', () => {
  it('shows normalized training outputs, slow running statistics and the batch effect', async () => {
    const before = tf.memory().numTensors;
    const result = await run();
    expect(tf.memory().numTensors).toBe(before);
    const { momentum, steps, dataMean, trainOutputMean, runningMean, evalOutputMeanStart, evalOutputMeanEnd, trainBatchEffect, evalBatchEffect } =
      result.summary as Record<string, number>;
    expect(steps).toBe(lesson().steps);
    expect(Math.abs(trainOutputMean ?? NaN)).toBeLessThan(0.01);
    // The library's documented default: Keras's momentum 0.9, which is PyTorch's momentum 0.1.
    expect(momentum).toBe(0.9);
    expect(dataMean).toBe(lesson().dataMean);
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
