/**
 * Lesson 6, live: the ablation in miniature — the same deep network with and without shortcuts,
 * trained on a small synthetic set with the project's own training step.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, batchNorm, conv2d, dense, globalAvgPool, input, plainBlock, relu, withSeed, type Sym } from '@residual/core/model';
import { Optimizer, trainStep } from '@residual/core/training';
import { registerTrainingKernels } from '@residual/core/engine';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult, LiveSettings } from '../../src/live-types.js';
import { stripes } from './stripes.js';

/** The size of one run. */
export interface AblationConfig {
  blocks: number;
  width: number;
  size: number;
  images: number;
  batch: number;
  steps: number;
  lr: number;
  noise: number;
  seed: number;
}

/**
 * The settings a reader can change; the defaults are the configuration lesson 6's text quotes
 * (seconds on the cpu backend). Its exercise — fewer blocks — is done here.
 */
export const ablationKnobs: readonly LiveKnob[] = [
  { key: 'blocks', kind: 'integer', min: 1, max: 24, default: 6 },
  { key: 'width', kind: 'integer', min: 2, max: 16, default: 4 },
  { key: 'steps', kind: 'integer', min: 2, max: 200, default: 16 },
  { key: 'lr', kind: 'number', min: 0.001, max: 0.5, step: 0.001, scale: 'log', default: 0.05 },
  { key: 'batch', kind: 'integer', min: 2, max: 64, default: 16 },
  { key: 'noise', kind: 'number', min: 0, max: 1.5, step: 0.05, default: 0.6 },
];

/**
 * The experiment's configuration from the reader's settings (4 × 4 images, 128 of them, seed 1).
 *
 * @example
 * ablationConfig(resolveLiveSettings(ablationTiny, 'full')).blocks; // 6
 */
export function ablationConfig(settings: LiveSettings): AblationConfig {
  const value = (key: string) => numberSetting(settings, key);
  return { blocks: value('blocks'), width: value('width'), size: 4, images: 128, batch: value('batch'), steps: value('steps'), lr: value('lr'), noise: value('noise'), seed: 1 };
}

/**
 * Stem, `blocks` blocks with or without shortcuts, pooling, dense: the two networks differ only in
 * the shortcut.
 *
 * @param config - depth, width, image size, seed
 * @param kind - `'plain'` or `'residual'`
 * @example
 * const model = buildNet(ablationConfig(resolveLiveSettings(ablationTiny, 'full')), 'residual');
 */
export function buildNet(config: AblationConfig, kind: 'plain' | 'residual'): tfl.LayersModel {
  const { blocks, width, size, seed } = config;
  return withSeed(seed, () => {
    // #region net
    const images = input([size, size, 1]); // [N, H, W, 1]
    let x: Sym = relu(batchNorm(conv2d(images, { filters: width, kernelSize: 3, padding: 1, useBias: false })));
    for (let index = 1; index <= blocks; index += 1) {
      const name = `block${index}`; // the same names, so the same seeded weights in both networks
      x = kind === 'residual' ? basicBlock(x, { filters: width, name }) : plainBlock(x, { filters: width, name });
    }
    const logits = dense(globalAvgPool(x), { units: 4 }); // [N, 4]
    // #endregion
    return tfl.model({ inputs: images.tensor, outputs: logits.tensor });
  });
}

/** What one network's training gave. */
export interface TrainingCurve {
  /** loss of every step */
  losses: number[];
  /** accuracy on every step's batch (training mode, before the update) */
  accuracies: number[];
}

/**
 * Trains a network with SGD (momentum 0.9, weight decay 1e-4, constant learning rate) for
 * `steps` steps on batches taken in order from the data.
 *
 * @param readEachStep - read the loss back after every step (for the progress message); `false`
 *   reads all steps' figures once at the end, which saves a slow GPU read-back per step
 * @example
 * const curve = await train(model, data, ablationConfig(ctx.settings), ctx, 0);
 */
export async function train(
  model: tfl.LayersModel,
  data: { x: tf.Tensor4D; labels: tf.Tensor1D },
  config: AblationConfig,
  ctx: LiveContext,
  progressOffset: number,
  readEachStep = true,
): Promise<TrainingCurve> {
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  // Built inside a tidy scope, so the constructor's temporary zero tensors are freed.
  let optimizer: Optimizer | undefined;
  tf.tidy(() => {
    optimizer = new Optimizer({ kind: 'sgd', momentum: 0.9, weightDecay: 1e-4 }, variables);
  });
  if (optimizer === undefined) throw new Error('ablation-tiny: the optimizer must be built');
  const losses: number[] = [];
  const accuracies: number[] = [];
  const pending: tf.Tensor[] = []; // each step's [loss, correct], when read at the end
  try {
    for (let step = 0; step < config.steps; step += 1) {
      if (ctx.signal.aborted) throw new Error('ablation-tiny: stopped');
      // #region step
      const start = (step * config.batch) % config.images;
      const stats = tf.tidy(() => {
        const x = tf.slice(data.x, [start, 0, 0, 0], [config.batch, -1, -1, -1]); // [B, H, W, 1]
        const labels = tf.slice(data.labels, [start], [config.batch]); //           [B]
        return trainStep(model, optimizer as Optimizer, x, labels, { lr: config.lr }); // [loss, correct]
      });
      // #endregion
      if (!readEachStep) {
        pending.push(stats);
        ctx.onProgress({ step: progressOffset + step + 1, total: 2 * config.steps });
        continue;
      }
      const [loss = Number.NaN, correct = Number.NaN] = await stats.data();
      stats.dispose();
      losses.push(loss);
      accuracies.push(correct / config.batch);
      ctx.onProgress({ step: progressOffset + step + 1, total: 2 * config.steps, message: `loss ${loss.toFixed(3)}` });
    }
    if (pending.length > 0) {
      const all = tf.stack(pending); // [steps, 2]
      const values = await all.data();
      all.dispose();
      for (let step = 0; step < pending.length; step += 1) {
        losses.push(values[2 * step] ?? Number.NaN);
        accuracies.push((values[2 * step + 1] ?? Number.NaN) / config.batch);
      }
    }
    return { losses, accuracies };
  } finally {
    tf.dispose(pending);
    optimizer.dispose();
  }
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const round = (value: number): number => Number(value.toFixed(3));

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = ablationConfig(ctx.settings);
  registerTrainingKernels(tf.getBackend()); // gradient kernels wasm lacks, a faster one for cpu
  const data = stripes(config.images, config.size, config.noise, config.seed);
  const curves: Partial<Record<'plain' | 'residual', TrainingCurve>> = {};
  try {
    for (const [index, kind] of (['plain', 'residual'] as const).entries()) {
      const model = buildNet(config, kind);
      try {
        curves[kind] = await train(model, data, config, ctx, index * config.steps);
      } finally {
        model.dispose();
      }
    }
  } finally {
    tf.dispose([data.x, data.labels]);
  }
  const plain = curves.plain ?? { losses: [], accuracies: [] };
  const residual = curves.residual ?? { losses: [], accuracies: [] };
  const tail = Math.max(1, Math.floor(config.steps / 5)); // average the last fifth of the steps
  return {
    summary: {
      blocks: config.blocks,
      steps: config.steps,
      plainFinalLoss: round(mean(plain.losses.slice(-tail))),
      residualFinalLoss: round(mean(residual.losses.slice(-tail))),
      plainTrainAccuracy: round(mean(plain.accuracies.slice(-tail))),
      residualTrainAccuracy: round(mean(residual.accuracies.slice(-tail))),
    },
    charts: [
      {
        title: 'training loss, plain vs residual',
        x: 'step',
        y: 'cross-entropy',
        series: [
          { name: 'plain', points: plain.losses.map((loss, step): [number, number] => [step + 1, loss]) },
          { name: 'residual', points: residual.losses.map((loss, step): [number, number] => [step + 1, loss]) },
        ],
      },
    ],
  };
}

/** The live example `ablation-tiny`. */
export const ablationTiny: LiveExample = { id: 'ablation-tiny', knobs: ablationKnobs, run };
