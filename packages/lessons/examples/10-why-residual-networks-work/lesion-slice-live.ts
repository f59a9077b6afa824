/**
 * Lesson 10, live: train a small ResNet and its plain twin, then delete one block at a time at test
 * time (Veit et al. 2016), and slice the loss around the trained weights along a random direction
 * (Li et al. 2018).
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerTrainingKernels } from '@residual/core/engine';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveProgress, LiveResult, LiveSettings } from '../../src/live-types.js';
import { stripes } from '../06-ablation/stripes.js';
import { train, type AblationConfig } from '../06-ablation/tiny-ablation.js';
import { lesionAccuracies } from './lesion.js';
import { lossSlice } from './loss-slice.js';
import { buildPieces } from './pieces.js';

/** One run: the networks, their training, the test set and the slice. */
export interface LesionSliceConfig extends AblationConfig {
  testImages: number;
  /** training images the slice's loss is computed on (the first ones) */
  sliceImages: number;
  /** points of the slice, evenly from α = −1 to α = 1 */
  slicePoints: number;
  directionSeed: number;
}

/**
 * The settings a reader can change; the defaults are the configuration lesson 10's text quotes
 * (seconds on the cpu backend). The `small` values keep CI's runs short: fewer blocks (so far fewer
 * lesions), steps and slice points, where SwiftShader's WebGPU pays for every kernel it dispatches.
 */
export const lesionSliceKnobs: readonly LiveKnob[] = [
  { key: 'blocks', kind: 'integer', min: 2, max: 16, default: 4, small: 2 },
  { key: 'steps', kind: 'integer', min: 2, max: 200, default: 16, small: 4 },
  { key: 'lr', kind: 'number', min: 0.001, max: 0.5, step: 0.001, scale: 'log', default: 0.1 },
  { key: 'noise', kind: 'number', min: 0, max: 1.5, step: 0.05, default: 0.4 },
  { key: 'slicePoints', kind: 'integer', min: 3, max: 81, default: 11, small: 5 },
  { key: 'directionSeed', kind: 'integer', min: 1, max: 1000, default: 7 },
];

/**
 * The experiment's configuration from the reader's settings (8 channels on 4 × 4 stripes, 256
 * training images in batches of 32, 128 test images, the slice's loss on the first 32 training
 * images, seed 1).
 *
 * @example
 * lesionSliceConfig(resolveLiveSettings(lesionSlice, 'full')).blocks; // 4
 */
export function lesionSliceConfig(settings: LiveSettings): LesionSliceConfig {
  const value = (key: string): number => numberSetting(settings, key);
  return {
    blocks: value('blocks'),
    width: 8,
    size: 4,
    images: 256,
    batch: 32,
    steps: value('steps'),
    lr: value('lr'),
    noise: value('noise'),
    seed: 1,
    testImages: 128,
    sliceImages: 32,
    slicePoints: value('slicePoints'),
    directionSeed: value('directionSeed'),
  };
}

/**
 * How many times a curve turns from falling to rising inside: 1 for a single basin.
 *
 * @example
 * localMinima([3, 1, 2, 0.5, 4]); // 2
 */
export function localMinima(values: readonly number[]): number {
  let count = 0;
  for (let index = 1; index < values.length - 1; index += 1) {
    const [before, here, after] = [values[index - 1] ?? Number.NaN, values[index] ?? Number.NaN, values[index + 1] ?? Number.NaN];
    if (here < before && here <= after) count += 1;
  }
  return count;
}

const kinds = ['plain', 'residual'] as const;
type Kind = (typeof kinds)[number];
const round = (value: number): number => Number(value.toFixed(2));
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = lesionSliceConfig(ctx.settings);
  registerTrainingKernels(tf.getBackend()); // gradient kernels wasm lacks, a faster one for cpu
  const total = 2 * config.steps + 2;
  const data = stripes(config.images, config.size, config.noise, config.seed);
  const test = stripes(config.testImages, config.size, config.noise, config.seed + 1);
  const sliceData = {
    x: tf.slice(data.x, [0, 0, 0, 0], [config.sliceImages, -1, -1, -1]), // [S, H, W, 1]
    labels: tf.slice(data.labels, [0], [config.sliceImages]), //           [S]
  };
  const alphas = Array.from({ length: config.slicePoints }, (_, index) => -1 + (2 * index) / (config.slicePoints - 1));
  const results: Partial<Record<Kind, { full: number; without: number[]; withoutTwo: number[]; slice: number[] }>> = {};
  try {
    for (const [index, kind] of kinds.entries()) {
      const pieces = buildPieces(config, kind);
      try {
        const progress = { ...ctx, onProgress: (step: LiveProgress) => ctx.onProgress({ ...step, total }) };
        await train(pieces.network, data, config, progress, index * config.steps, false); // one read-back at the end
        if (ctx.signal.aborted) throw new Error('lesion-slice: stopped');
        const { full, without, withoutTwo } = await lesionAccuracies(pieces, test);
        const slice = await lossSlice(pieces.network, sliceData, alphas, config.directionSeed);
        results[kind] = { full, without, withoutTwo, slice };
        ctx.onProgress({ step: 2 * config.steps + index + 1, total, message: `${kind}: lesions and slice` });
      } finally {
        pieces.network.dispose(); // frees every piece
      }
    }
  } finally {
    tf.dispose([data.x, data.labels, test.x, test.labels, sliceData.x, sliceData.labels]);
  }
  const result = (kind: Kind) => results[kind] ?? { full: Number.NaN, without: [], withoutTwo: [], slice: [] };
  return {
    // Accuracies to two decimals: on another backend one test image may land on the other side.
    summary: {
      blocks: config.blocks,
      steps: config.steps,
      plainAccuracy: round(result('plain').full),
      residualAccuracy: round(result('residual').full),
      plainMeanWithoutOne: round(mean(result('plain').without)),
      residualMeanWithoutOne: round(mean(result('residual').without)),
      plainWorstWithoutOne: round(Math.min(...result('plain').without)),
      residualWorstWithoutOne: round(Math.min(...result('residual').without)),
      plainMeanWithoutTwo: round(mean(result('plain').withoutTwo)),
      residualMeanWithoutTwo: round(mean(result('residual').withoutTwo)),
      plainSliceMinima: localMinima(result('plain').slice),
      residualSliceMinima: localMinima(result('residual').slice),
    },
    charts: [
      {
        title: 'test accuracy with one block deleted (0: none)',
        x: 'deleted block',
        y: 'accuracy',
        series: kinds.map((kind) => ({
          name: kind,
          points: [result(kind).full, ...result(kind).without].map((accuracy, block): [number, number] => [block, accuracy]),
        })),
      },
      {
        title: 'training loss along a random filter-normalized direction',
        x: 'α',
        y: 'loss at θ* + α·d',
        log: true,
        series: kinds.map((kind) => ({ name: kind, points: result(kind).slice.map((loss, index): [number, number] => [alphas[index] ?? Number.NaN, loss]) })),
      },
    ],
  };
}

/** The live example `lesion-slice`. */
export const lesionSlice: LiveExample = { id: 'lesion-slice', knobs: lesionSliceKnobs, run };
