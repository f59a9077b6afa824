import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelStats } from '../data/channel-stats.js';
import { cifarAugmentation } from '../data/make-batch.js';
import { registerTrainingKernels } from '../../engine/kernels/register-training-kernels.js';
import { buildModel } from '../../model/models/registry.js';
import { toyDataset } from './__fixtures__/toy-data.js';
import { fit, initialState, type EpochMetrics, type FitOptions, type StepProgress, type TrainingState } from './fit.js';
import { NonFiniteLossError, NonFiniteWeightsError } from './non-finite-loss-error.js';
import { Optimizer, paperSgd } from './optimizer.js';
import { defaultSchedule } from './schedule.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

function setup(lr: number, epochs: number) {
  const data = toyDataset(32);
  const model = buildModel('resnet20', { inputShape: [8, 8, 3], numClasses: 2, seed: 2 }).layersModel;
  const optimizer = new Optimizer(paperSgd, model.trainableWeights.map((weight) => weight.read() as tf.Variable));
  const options: FitOptions = { epochs, batchSize: 8, lr, schedule: defaultSchedule('cosine'), labelSmoothing: 0, augment: cifarAugmentation };
  return { data, model, optimizer, options, stats: channelStats(data.train, 3) };
}

describe('fit', () => {
  it('learns a separable toy problem, reporting progress every step and metrics every epoch', async () => {
    const { data, model, optimizer, options, stats } = setup(0.05, 4);
    const steps: StepProgress[] = [];
    const epochs: EpochMetrics[] = [];
    const tensors: number[] = [];
    const { state, history } = await fit(
      { model, optimizer, data, stats, options, state: initialState(1) },
      {
        onStep: (progress) => void steps.push(progress),
        onEpochEnd: (metrics) => {
          epochs.push(metrics);
          tensors.push(tf.memory().numTensors);
        },
      },
    );
    expect(new Set(tensors).size).toBe(1); // no tensor leaks from one epoch to the next
    expect(steps.length).toBe(4 * 4);
    expect(steps[3]).toMatchObject({ epoch: 1, epochs: 4, step: 4, stepsPerEpoch: 4 });
    expect(history).toEqual(epochs);
    expect(state).toMatchObject({ epoch: 4, step: 16 });
    expect(history.at(-1)!.trainLoss).toBeLessThan(history[0]!.trainLoss);
    expect(history.at(-1)!.testAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(state.bestAccuracy).toBe(Math.max(...history.map((metrics) => metrics.testAccuracy)));
  });

  it('continues from a saved state exactly as an uninterrupted run', async () => {
    const straight = setup(0.05, 2);
    const whole = await fit({ ...straight, state: initialState(9) });
    const split = setup(0.05, 2);
    let saved: TrainingState | undefined;
    const stop = new Error('killed after epoch 1');
    await expect(
      fit({ ...split, state: initialState(9) }, { onEpochEnd: (_, state) => { saved = state; throw stop; } }),
    ).rejects.toBe(stop);
    const rest = await fit({ ...split, state: saved! });
    expect(rest.history.map((metrics) => metrics.epoch)).toEqual([2]);
    expect(rest.history[0]!.trainLoss).toBe(whole.history[1]!.trainLoss);
    expect(rest.history[0]!.testLoss).toBe(whole.history[1]!.testLoss);
  });

  it('stops on a non-finite loss, naming the epoch and step and suggesting a lower learning rate', async () => {
    const { data, model, optimizer, options, stats } = setup(1e30, 2);
    const error = await fit({ model, optimizer, data, stats, options, state: initialState(1) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    const { epoch, step, lr, loss } = error as NonFiniteLossError;
    expect(epoch).toBe(1);
    expect(step).toBeGreaterThan(1); // the first step is fine; its update blows the weights up
    expect((error as Error).message).toBe(
      `training: the loss must stay finite, but got ${String(loss)} at epoch 1, step ${step} (learning rate ${lr}). ` +
        'Lower the learning rate (--lr), use a warm-up schedule (--schedule one-cycle), or check the data for NaN pixels.',
    );
    // A run folder's writer adds what it kept on disk.
    expect((error as NonFiniteLossError).withKept('Nothing of epoch 1 was saved.').message).toMatch(/NaN pixels\. Nothing of epoch 1 was saved\.$/);
  });

  // The two checks after an epoch's last update, made deterministic: the last step's callback
  // writes into the weights what a diverging update would leave there.
  const poisonLastStep = (model: ReturnType<typeof setup>['model'], values: (bias: tf.Variable) => tf.Tensor) => ({
    onStep: ({ step, stepsPerEpoch }: StepProgress) => {
      if (step !== stepsPerEpoch) return;
      const bias = model.getLayer('fc').trainableWeights[1];
      if (bias === undefined) throw new Error('fit.test: fc must have a bias, but it has none.');
      const variable = bias.read() as tf.Variable;
      variable.assign(values(variable));
    },
  });

  it('stops when a weight is NaN after the epoch\'s last update, naming the weight, the epoch and the step', async () => {
    const { data, model, optimizer, options, stats } = setup(0.05, 1);
    const callbacks = poisonLastStep(model, (bias) => tf.fill(bias.shape, Number.NaN));
    const error = await fit({ model, optimizer, data, stats, options, state: initialState(1) }, callbacks).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonFiniteWeightsError);
    expect((error as Error).message).toMatch(
      /^training: the weights must stay finite, but 2 of [\d,]+ values are NaN or infinite \(the first in fc\/bias\) after epoch 1, step 4 \(learning rate [\d.e-]+\)\. Lower the learning rate/,
    );
  });

  it('stops when the weights are finite but the test loss is not', async () => {
    const { data, model, optimizer, options, stats } = setup(0.05, 1);
    // Finite logits of ±3e38: their difference overflows, and so does the loss of the wrong class.
    const callbacks = poisonLastStep(model, () => tf.tensor1d([3e38, -3e38]));
    const error = await fit({ model, optimizer, data, stats, options, state: initialState(1) }, callbacks).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    expect((error as Error).message).toMatch(/^training: the test loss must stay finite, but got (NaN|Infinity) at epoch 1, step 4 /);
  });
});
