/**
 * Lesson 2, live: gradient norms per block, plain vs residual, plotted on a log axis.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerTrainingKernels } from '@residual/core/engine';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult, LiveSettings } from '../../src/live-types.js';
import { buildStack, gradientNorms, spread, type GradNormConfig } from './grad-norms.js';

/** The settings a reader can change; the defaults are the configuration lesson 2's text quotes. */
export const gradNormKnobs: readonly LiveKnob[] = [
  { key: 'blocks', kind: 'integer', min: 1, max: 40, default: 8 },
  { key: 'channels', kind: 'integer', min: 2, max: 32, default: 8 },
  { key: 'size', kind: 'integer', min: 2, max: 16, default: 8 },
  { key: 'batch', kind: 'integer', min: 2, max: 32, default: 8 },
];

/**
 * The experiment's configuration from the reader's settings (4 classes, seed 1).
 *
 * @example
 * gradNormConfig(resolveLiveSettings(gradNorms, 'full')); // { blocks: 8, size: 8, channels: 8, batch: 8, classes: 4, seed: 1 }
 */
export function gradNormConfig(settings: LiveSettings): GradNormConfig {
  const [blocks, size, channels, batch] = ['blocks', 'size', 'channels', 'batch'].map((key) => numberSetting(settings, key)) as [number, number, number, number];
  return { blocks, size, channels, batch, classes: 4, seed: 1 };
}

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = gradNormConfig(ctx.settings);
  registerTrainingKernels(tf.getBackend()); // gradient kernels wasm lacks, a faster one for cpu
  const measured: Record<'plain' | 'residual', number[]> = { plain: [], residual: [] };
  const kinds = ['plain', 'residual'] as const;
  for (const [index, kind] of kinds.entries()) {
    if (ctx.signal.aborted) throw new Error('grad-norms: stopped');
    ctx.onProgress({ step: index, total: kinds.length, message: `${kind}: ${config.blocks} blocks` });
    await tf.nextFrame();
    const model = buildStack(config, kind);
    try {
      measured[kind] = await gradientNorms(model, config);
    } finally {
      model.dispose();
    }
  }
  ctx.onProgress({ step: kinds.length, total: kinds.length });
  const round = (value: number) => Number(value.toPrecision(3));
  return {
    summary: {
      blocks: config.blocks,
      plainFirst: round(measured.plain[0] ?? Number.NaN),
      plainLast: round(measured.plain.at(-1) ?? Number.NaN),
      plainSpread: round(spread(measured.plain)),
      residualFirst: round(measured.residual[0] ?? Number.NaN),
      residualLast: round(measured.residual.at(-1) ?? Number.NaN),
      residualSpread: round(spread(measured.residual)),
    },
    charts: [
      {
        title: 'gradient norm of each block’s first convolution',
        x: 'block',
        y: '‖∂loss/∂kernel‖',
        log: true,
        series: kinds.map((kind) => ({ name: kind, points: measured[kind].map((norm, index): [number, number] => [index + 1, norm]) })),
      },
    ],
  };
}

/** The live example `grad-norms`. */
export const gradNorms: LiveExample = { id: 'grad-norms', knobs: gradNormKnobs, run };
