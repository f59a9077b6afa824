/**
 * Lesson 3, live: batch normalization in training mode and in evaluation mode, on data far from
 * normalized (mean 3, standard deviation 2), step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { batchNorm, input, withSeed } from '@residual/core/model';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult, LiveSettings } from '../../src/live-types.js';
import { layerWeight } from '../shared/layer-weight.js';

/** The size of one run. */
export interface BnModesConfig {
  steps: number;
  batch: number;
  size: number;
  channels: number;
  /** mean and standard deviation of the data */
  dataMean: number;
  dataStd: number;
  /** running-average momentum in Keras's sense */
  momentum: number;
  seed: number;
}

/**
 * The settings a reader can change; the defaults are the configuration lesson 3's text quotes.
 * Its exercises are done here: the steps until the running mean reaches 90 % (momentum, steps), and
 * a batch of one image of 1 × 1 (batch, size).
 */
export const bnModesKnobs: readonly LiveKnob[] = [
  { key: 'steps', kind: 'integer', min: 1, max: 300, default: 20 },
  { key: 'momentum', kind: 'number', min: 0, max: 0.999, step: 0.001, default: 0.9 },
  { key: 'batch', kind: 'integer', min: 1, max: 64, default: 16 },
  { key: 'size', kind: 'integer', min: 1, max: 16, default: 4 },
  { key: 'dataMean', kind: 'number', min: -10, max: 10, step: 0.5, default: 3 },
  { key: 'dataStd', kind: 'number', min: 0.1, max: 10, step: 0.1, default: 2 },
];

/**
 * The experiment's configuration from the reader's settings (4 channels, seed 1).
 *
 * @example
 * bnModesConfig(resolveLiveSettings(bnModes, 'full')).steps; // 20
 */
export function bnModesConfig(settings: LiveSettings): BnModesConfig {
  const value = (key: string) => numberSetting(settings, key);
  return { steps: value('steps'), batch: value('batch'), size: value('size'), channels: 4, dataMean: value('dataMean'), dataStd: value('dataStd'), momentum: value('momentum'), seed: 1 };
}

const round = (value: number): number => Number(value.toFixed(3)) + 0; // + 0 turns -0 into 0

/** The output for image 0 of `batch`, in one mode. */
function firstImageOutput(model: tfl.LayersModel, batch: tf.Tensor, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    // #region modes
    const output = training
      ? (model.apply(batch, { training: true }) as tf.Tensor) // batch statistics; updates the running ones
      : (model.predict(batch) as tf.Tensor); //                   running statistics; updates nothing
    // #endregion
    return tf.slice(output, [0, 0, 0, 0], [1, -1, -1, -1]);
  });
}

/**
 * How much the output for one image changes when the other images of its batch change.
 *
 * @returns the largest difference, in training mode and in evaluation mode
 */
async function batchEffect(model: tfl.LayersModel, config: BnModesConfig): Promise<{ train: number; eval: number }> {
  const { batch, size, channels, dataMean, dataStd, seed } = config;
  const differences = tf.tidy(() => {
    const probe = tf.randomNormal([1, size, size, channels], dataMean, dataStd, 'float32', seed + 1000);
    // With a batch of one image there are no others: both batches are the probe alone.
    const others = (offset: number) => tf.randomNormal([batch - 1, size, size, channels], dataMean, dataStd, 'float32', seed + offset);
    const batchA = batch === 1 ? probe : tf.concat([probe, others(2000)]);
    const batchB = batch === 1 ? probe : tf.concat([probe, others(3000)]);
    const difference = (training: boolean): tf.Tensor => {
      const a = firstImageOutput(model, batchA, training);
      const b = firstImageOutput(model, batchB, training);
      return tf.max(tf.abs(tf.sub(a, b)));
    };
    // The batch-effect probe in training mode would also move the running statistics: restore them.
    const bn = model.getLayer('bn');
    const saved = ['moving_mean', 'moving_variance'].map((name) => tf.clone(layerWeight(bn, name).read()));
    const train = difference(true);
    ['moving_mean', 'moving_variance'].forEach((name, index) => layerWeight(bn, name).write(saved[index] ?? tf.scalar(0)));
    return tf.stack([train, difference(false)]);
  });
  const [train = Number.NaN, evaluation = Number.NaN] = await differences.data();
  differences.dispose();
  return { train, eval: evaluation };
}

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = bnModesConfig(ctx.settings);
  const { steps, batch, size, channels, dataMean, dataStd, seed } = config;
  const model = withSeed(seed, () => {
    const x = input([size, size, channels]); // [N, H, W, C]
    return tfl.model({ inputs: x.tensor, outputs: batchNorm(x, { name: 'bn', momentum: config.momentum }).tensor });
  });
  const momentum = model.getLayer('bn').getConfig()['momentum'] as number;
  const running: Array<[number, number]> = [];
  const trainOut: Array<[number, number]> = [];
  const evalOut: Array<[number, number]> = [];
  const probe = tf.randomNormal([batch, size, size, channels], dataMean, dataStd, 'float32', seed + 1);
  /** Means of the evaluation-mode output on the probe batch and of the running mean, read together. */
  const evalAndRunning = () => [tf.mean(model.predict(probe) as tf.Tensor), tf.mean(layerWeight(model.getLayer('bn'), 'moving_mean').read())];
  try {
    const start = tf.tidy(() => tf.stack(evalAndRunning()));
    const [evalStart = Number.NaN, runningStart = Number.NaN] = await start.data();
    start.dispose();
    evalOut.push([0, evalStart]);
    running.push([0, runningStart]);
    for (let step = 1; step <= steps; step += 1) {
      if (ctx.signal.aborted) throw new Error('bn-modes: stopped');
      const means = tf.tidy(() => {
        const data = tf.randomNormal([batch, size, size, channels], dataMean, dataStd, 'float32', seed + 1 + step);
        const trainMean = tf.mean(model.apply(data, { training: true }) as tf.Tensor); // a training step's forward pass
        return tf.stack([trainMean, ...evalAndRunning()]);
      });
      const [trainValue = Number.NaN, evalValue = Number.NaN, runningValue = Number.NaN] = await means.data();
      means.dispose();
      trainOut.push([step, trainValue]);
      evalOut.push([step, evalValue]);
      running.push([step, runningValue]);
      ctx.onProgress({ step, total: steps });
    }
    const effect = await batchEffect(model, config);
    const trainMean = trainOut.reduce((sum, [, value]) => sum + Math.abs(value), 0) / trainOut.length;
    return {
      summary: {
        momentum,
        steps,
        dataMean,
        dataStd,
        trainOutputMean: round(trainMean),
        runningMean: round(running.at(-1)?.[1] ?? Number.NaN),
        evalOutputMeanStart: round(evalOut[0]?.[1] ?? Number.NaN),
        evalOutputMeanEnd: round(evalOut.at(-1)?.[1] ?? Number.NaN),
        trainBatchEffect: round(effect.train),
        evalBatchEffect: round(effect.eval),
      },
      charts: [
        {
          title: 'batch normalization: training mode vs evaluation mode',
          x: 'training step',
          y: 'mean value',
          series: [
            { name: 'running mean', points: running },
            { name: 'output, evaluation mode', points: evalOut },
            { name: 'output, training mode', points: trainOut },
          ],
        },
      ],
    };
  } finally {
    probe.dispose();
    model.dispose();
  }
}

/** The live example `bn-modes`. */
export const bnModes: LiveExample = { id: 'bn-modes', knobs: bnModesKnobs, run };
