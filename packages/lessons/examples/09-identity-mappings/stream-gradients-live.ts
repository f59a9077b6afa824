/**
 * Lesson 9, live: the gradient at every block's input, original blocks against pre-activation
 * blocks with the same kernels, at initialization.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerTrainingKernels } from '@residual/core/engine';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult, LiveSettings } from '../../src/live-types.js';
import { buildStack, streamGradients, type BlockDesign, type StreamConfig, type StreamGradients } from './stream-gradients.js';

/** The settings a reader can change; the defaults are the configuration lesson 9's text quotes (about a second on the cpu backend). */
export const streamKnobs: readonly LiveKnob[] = [
  { key: 'blocks', kind: 'integer', min: 1, max: 64, default: 16 },
  { key: 'channels', kind: 'integer', min: 2, max: 32, default: 8 },
  { key: 'size', kind: 'integer', min: 2, max: 16, default: 8 },
  { key: 'batch', kind: 'integer', min: 2, max: 32, default: 8 },
];

/**
 * The experiment's configuration from the reader's settings (4 classes, seed 1).
 *
 * @example
 * streamConfig(resolveLiveSettings(preactGradients, 'full')); // { blocks: 16, size: 8, channels: 8, batch: 8, classes: 4, seed: 1 }
 */
export function streamConfig(settings: LiveSettings): StreamConfig {
  const [blocks, size, channels, batch] = ['blocks', 'size', 'channels', 'batch'].map((key) => numberSetting(settings, key)) as [number, number, number, number];
  return { blocks, size, channels, batch, classes: 4, seed: 1 };
}

const designs: readonly BlockDesign[] = ['original', 'preact'];
const round = (value: number): number => Number(value.toPrecision(3));

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = streamConfig(ctx.settings);
  registerTrainingKernels(tf.getBackend()); // gradient kernels wasm lacks, a faster one for cpu
  const measured: Partial<Record<BlockDesign, StreamGradients>> = {};
  for (const [index, design] of designs.entries()) {
    if (ctx.signal.aborted) throw new Error('preact-gradients: stopped');
    ctx.onProgress({ step: index, total: designs.length, message: `${design}: ${config.blocks} blocks` });
    await tf.nextFrame();
    const stack = buildStack(config, design);
    try {
      measured[design] = await streamGradients(stack, config);
    } finally {
      stack.dispose();
    }
  }
  ctx.onProgress({ step: designs.length, total: designs.length });
  const result = (design: BlockDesign): StreamGradients => measured[design] ?? { norms: [], direct: [] };
  const growth = (design: BlockDesign): number => (result(design).norms[0] ?? Number.NaN) / (result(design).norms.at(-1) ?? Number.NaN);
  const perBlock = (values: number[]): Array<[number, number]> => values.map((value, index): [number, number] => [index + 1, value]);
  return {
    summary: {
      blocks: config.blocks,
      originalDirectAtFirst: round(result('original').direct[0] ?? Number.NaN),
      preactDirectAtFirst: round(result('preact').direct[0] ?? Number.NaN),
      originalGrowth: round(growth('original')),
      preactGrowth: round(growth('preact')),
    },
    charts: [
      {
        title: 'share of the last block’s gradient in each block’s gradient',
        x: 'block',
        y: '⟨g_l, g_L⟩ / ⟨g_L, g_L⟩',
        series: designs.map((design) => ({ name: design, points: perBlock(result(design).direct) })),
      },
      {
        title: 'gradient at each block’s input',
        x: 'block',
        y: '‖∂loss/∂x_l‖',
        log: true,
        series: designs.map((design) => ({ name: design, points: perBlock(result(design).norms) })),
      },
    ],
  };
}

/** The live example `preact-gradients`. */
export const preactGradients: LiveExample = { id: 'preact-gradients', knobs: streamKnobs, run };
