import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ChannelStats } from '../data/channel-stats.js';
import type { ImageDataset } from '../data/image-dataset.js';
import { makeBatch, type Augmentation } from '../data/make-batch.js';
import { evaluate } from './evaluate.js';
import { countNonFinite } from './count-non-finite.js';
import { NonFiniteLossError, NonFiniteWeightsError } from './non-finite-loss-error.js';
import type { Optimizer } from './optimizer.js';
import { Rng, type RngState } from './rng.js';
import { learningRateAt, type ScheduleConfig } from './schedule.js';
import { trainStep } from './train-step.js';

/** Hyper-parameters of a run (plain JSON; stored in checkpoints so `--resume` continues identically). */
export interface FitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  /** Base (peak) learning rate. */
  readonly lr: number;
  readonly schedule: ScheduleConfig;
  readonly labelSmoothing: number;
  /** Training augmentation, or `null` for none. */
  readonly augment: Augmentation | null;
  /** Batch size for evaluation; default 256. */
  readonly evalBatchSize?: number;
}

/** Where a run stands; saved after every epoch. */
export interface TrainingState {
  /** Epochs completed. */
  readonly epoch: number;
  /** Optimiser steps completed. */
  readonly step: number;
  /** The data-order and augmentation generator, as it stands after `epoch`. */
  readonly rng: RngState;
  /** Best test accuracy so far, and its epoch. */
  readonly bestAccuracy: number;
  readonly bestEpoch: number;
}

/** Metrics of one epoch (one JSON line in `metrics.jsonl`). */
export interface EpochMetrics {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  /** Learning rate of the epoch's last step. */
  readonly lr: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /**
   * The training loss along the epoch: `[position, loss]` with the position in epochs (`1.25` is a
   * quarter into epoch 2), each point the mean of consecutive steps, at most 50 points an epoch.
   */
  readonly stepLosses?: ReadonlyArray<readonly [number, number]>;
}

/** Points of {@link EpochMetrics.stepLosses} per epoch, at most. */
export const stepLossPoints = 50;

/** Means of consecutive step losses, at most {@link stepLossPoints}, placed in epochs. */
function stepLossCurve(losses: readonly number[], epoch: number): [number, number][] {
  const group = Math.ceil(losses.length / stepLossPoints);
  const points: [number, number][] = [];
  for (let start = 0; start < losses.length; start += group) {
    const part = losses.slice(start, start + group);
    const end = start + part.length;
    points.push([Number((epoch - 1 + end / losses.length).toFixed(4)), part.reduce((sum, loss) => sum + loss, 0) / part.length]);
  }
  return points;
}

/** Progress inside an epoch, for a progress bar. */
export interface StepProgress {
  readonly epoch: number;
  readonly epochs: number;
  /** Steps done in this epoch (1-based after the first). */
  readonly step: number;
  readonly stepsPerEpoch: number;
  /** Running means over the epoch so far. */
  readonly loss: number;
  readonly accuracy: number;
  readonly imagesPerSecond: number;
  /** Seconds left in this epoch at the current speed. */
  readonly etaSeconds: number;
  readonly lr: number;
}

/** Hooks of {@link fit}; each may be async (the loop awaits it). */
export interface FitCallbacks {
  onStep?(progress: StepProgress): void | Promise<void>;
  /** After each epoch's evaluation; `state` already counts the epoch. Save checkpoints here. */
  onEpochEnd?(metrics: EpochMetrics, state: TrainingState): void | Promise<void>;
  /** Stop between steps (the partial epoch is not reported). */
  readonly signal?: AbortSignal;
}

/** Everything {@link fit} works on. */
export interface FitInput {
  readonly model: tfl.LayersModel;
  readonly optimizer: Optimizer;
  readonly data: ImageDataset;
  /** Normalisation statistics (the training split's own). */
  readonly stats: ChannelStats;
  readonly options: FitOptions;
  /** Where to start: a fresh state from {@link initialState} or one restored from a checkpoint. */
  readonly state: TrainingState;
}

/**
 * A fresh run's state.
 *
 * @param seed - seeds the data order and augmentation.
 * @returns epoch 0, step 0.
 * @example
 * const state = initialState(1);
 */
export function initialState(seed: number): TrainingState {
  return { epoch: 0, step: 0, rng: Rng.fromSeed(seed).state(), bestAccuracy: -1, bestEpoch: 0 };
}

/**
 * Trains for the remaining epochs of `options.epochs`, starting from `state`: each epoch shuffles
 * the training split with the seeded generator, augments, runs {@link trainStep} per batch (batch
 * norm in training mode), then {@link evaluate}s the test split (inference mode). Browser-safe: it
 * only touches tensors and callbacks; the Node CLI adds files on top.
 *
 * @param input - model, optimiser, data, options and the starting state.
 * @param callbacks - progress, end-of-epoch (checkpoints) and an abort signal.
 * @returns the final state and each epoch's metrics.
 * @throws NonFiniteLossError when a step's loss or an epoch's test loss is NaN or infinite, and
 *   NonFiniteWeightsError when a weight or statistic is NaN or infinite after an epoch's last step (naming epoch and
 *   step): `onEpochEnd` never sees a diverged model.
 * @example
 * const { history } = await fit({ model: m.layersModel, optimizer, data, stats, options, state: initialState(1) });
 */
export async function fit(
  input: FitInput,
  callbacks: FitCallbacks = {},
): Promise<{ state: TrainingState; history: EpochMetrics[] }> {
  const { model, optimizer, data, stats, options } = input;
  if (data.test.count === 0) {
    throw new Error(
      `fit: data.test must hold at least one image (each epoch is evaluated on it and the best is chosen by its accuracy), but ${data.source} has 0. ` +
        'Hold some images out for testing.',
    );
  }
  let state = input.state;
  const history: EpochMetrics[] = [];
  const [height, width, channels] = data.imageShape;
  const stepsPerEpoch = Math.ceil(data.train.count / options.batchSize);
  const totalSteps = stepsPerEpoch * options.epochs;
  for (let epoch = state.epoch + 1; epoch <= options.epochs; epoch++) {
    const rng = Rng.fromState(state.rng);
    const order = rng.permutation(data.train.count);
    const started = performance.now();
    let lossSum = 0;
    let correctSum = 0;
    let seen = 0;
    let lr = options.lr;
    const stepLosses: number[] = [];
    for (let index = 0; index < stepsPerEpoch; index++) {
      if (callbacks.signal?.aborted === true) throw callbacks.signal.reason ?? new Error('fit: aborted');
      const indices = order.subarray(index * options.batchSize, (index + 1) * options.batchSize);
      const augmentation = options.augment === null ? {} : { augment: options.augment, rng };
      const batch = makeBatch(data.train, indices, { imageShape: data.imageShape, stats, ...augmentation });
      const step = state.step + index;
      lr = learningRateAt(options.schedule, options.lr, step, totalSteps);
      const result = tf.tidy(() => {
        const x = tf.tensor4d(batch.pixels, [indices.length, height, width, channels]); // [N, H, W, C]
        const labels = tf.tensor1d(batch.labels, 'int32');
        return trainStep(model, optimizer, x, labels, { lr, labelSmoothing: options.labelSmoothing });
      });
      const [loss, correct] = await result.data(); // the one readback of the step: [loss, correct]
      result.dispose();
      if (loss === undefined || correct === undefined) throw new Error('fit: trainStep must return [loss, correct], but got fewer values. This is a bug in trainStep.');
      if (!Number.isFinite(loss)) throw new NonFiniteLossError(loss, epoch, index + 1, lr);
      stepLosses.push(loss);
      lossSum += loss * indices.length;
      correctSum += correct;
      seen += indices.length;
      const seconds = (performance.now() - started) / 1000;
      const imagesPerSecond = seen / Math.max(seconds, 1e-9);
      await callbacks.onStep?.({
        epoch,
        epochs: options.epochs,
        step: index + 1,
        stepsPerEpoch,
        loss: lossSum / seen,
        accuracy: correctSum / seen,
        imagesPerSecond,
        etaSeconds: (data.train.count - seen) / imagesPerSecond,
        lr,
      });
    }
    const trainSeconds = (performance.now() - started) / 1000;
    // Each step's loss was finite before its update; the last update may still have diverged.
    const nonFinite = await countNonFinite(model);
    if (nonFinite.first !== null) {
      throw new NonFiniteWeightsError(nonFinite.count, nonFinite.total, nonFinite.first, epoch, stepsPerEpoch, lr);
    }
    const test = await evaluate(model, data.test, { imageShape: data.imageShape, stats, batchSize: options.evalBatchSize ?? 256 });
    if (!Number.isFinite(test.loss)) throw new NonFiniteLossError(test.loss, epoch, stepsPerEpoch, lr, { what: 'test loss' });
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: lossSum / seen,
      trainAccuracy: correctSum / seen,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      lr,
      seconds: (performance.now() - started) / 1000,
      imagesPerSecond: seen / trainSeconds,
      stepLosses: stepLossCurve(stepLosses, epoch),
    };
    // The best epoch is chosen by a finite metric only (a non-finite test loss stopped the run above).
    const better = Number.isFinite(test.accuracy) && test.accuracy > state.bestAccuracy;
    state = {
      epoch,
      step: state.step + stepsPerEpoch,
      rng: rng.state(),
      bestAccuracy: better ? test.accuracy : state.bestAccuracy,
      bestEpoch: better ? epoch : state.bestEpoch,
    };
    history.push(metrics);
    await callbacks.onEpochEnd?.(metrics, state);
  }
  return { state, history };
}
