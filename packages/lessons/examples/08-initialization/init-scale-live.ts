/**
 * Lesson 8, live: the size of the signal through depth — plain layers without batch normalization
 * under three initializations, and residual blocks with γ = 1, with γ = 0, and their plain twin.
 */
import * as tf from '@tensorflow/tfjs-core';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult, LiveSettings } from '../../src/live-types.js';
import { streamScale, type StreamScaleConfig, type StreamVariant } from './stream-scale.js';
import { activationScales, type DepthConfig, type InitRule } from './variance-through-depth.js';

/** The settings a reader can change; the defaults are the configuration lesson 8's text quotes (a second or two on the cpu backend). */
export const initScaleKnobs: readonly LiveKnob[] = [
  { key: 'denseLayers', kind: 'integer', min: 2, max: 100, default: 20 },
  { key: 'denseWidth', kind: 'integer', min: 16, max: 1024, step: 16, default: 128 },
  { key: 'blocks', kind: 'integer', min: 1, max: 64, default: 16 },
  { key: 'channels', kind: 'integer', min: 2, max: 32, default: 8 },
];

/** Both experiments' configurations: the dense stack's and the residual stack's. */
export interface InitScaleConfig {
  dense: DepthConfig;
  blocks: StreamScaleConfig;
}

/**
 * The experiment's configuration from the reader's settings (dense batch 32, blocks on 8 × 8 maps,
 * batch 8, seed 1).
 *
 * @example
 * initScaleConfig(resolveLiveSettings(initScale, 'full')).dense; // { layers: 20, width: 128, batch: 32, seed: 1 }
 */
export function initScaleConfig(settings: LiveSettings): InitScaleConfig {
  const value = (key: string): number => numberSetting(settings, key);
  return {
    dense: { layers: value('denseLayers'), width: value('denseWidth'), batch: 32, seed: 1 },
    blocks: { blocks: value('blocks'), size: 8, channels: value('channels'), batch: 8, seed: 1 },
  };
}

const rules: readonly InitRule[] = ['he', 'glorot', 'fixed'];
const variants: readonly StreamVariant[] = ['residual', 'zero-gamma', 'plain'];
const round = (value: number): number => Number(value.toPrecision(3));
const perLayer = (values: readonly number[]): Array<[number, number]> =>
  values.map((value, index): [number, number] => [index + 1, value]).filter(([, value]) => value > 0); // a log axis has no 0

async function run(ctx: LiveContext): Promise<LiveResult> {
  const config = initScaleConfig(ctx.settings);
  const total = rules.length + variants.length;
  const dense: Partial<Record<InitRule, number[]>> = {};
  for (const [index, rule] of rules.entries()) {
    if (ctx.signal.aborted) throw new Error('init-scale: stopped');
    ctx.onProgress({ step: index, total, message: `${rule}: ${config.dense.layers} layers` });
    await tf.nextFrame();
    dense[rule] = await activationScales(config.dense, rule);
  }
  const blocks: Partial<Record<StreamVariant, { rms: number[]; change: number[] }>> = {};
  for (const [index, variant] of variants.entries()) {
    if (ctx.signal.aborted) throw new Error('init-scale: stopped');
    ctx.onProgress({ step: rules.length + index, total, message: `${variant}: ${config.blocks.blocks} blocks` });
    await tf.nextFrame();
    blocks[variant] = await streamScale(config.blocks, variant);
  }
  ctx.onProgress({ step: total, total });
  const last = (rule: InitRule): number => dense[rule]?.at(-1) ?? Number.NaN;
  const stream = (variant: StreamVariant) => blocks[variant] ?? { rms: [], change: [] };
  return {
    summary: {
      denseLayers: config.dense.layers,
      heLast: round(last('he')),
      glorotLast: round(last('glorot')),
      fixedLast: round(last('fixed')),
      blocks: config.blocks.blocks,
      residualRmsLast: round(stream('residual').rms.at(-1) ?? Number.NaN),
      residualChangeFirst: round(stream('residual').change[0] ?? Number.NaN),
      residualChangeLast: round(stream('residual').change.at(-1) ?? Number.NaN),
      zeroGammaLast: round(stream('zero-gamma').rms.at(-1) ?? Number.NaN),
      plainRmsLast: round(stream('plain').rms.at(-1) ?? Number.NaN),
    },
    charts: [
      {
        title: 'activations through plain layers without batch norm',
        x: 'layer',
        y: 'RMS ÷ RMS of the input',
        log: true,
        series: rules.map((rule) => ({ name: rule, points: perLayer(dense[rule] ?? []) })),
      },
      {
        title: 'the signal after each block',
        x: 'block',
        y: 'RMS ÷ RMS of the input',
        series: variants.map((variant) => ({ name: variant, points: perLayer(stream(variant).rms) })),
      },
    ],
  };
}

/** The live example `init-scale`. */
export const initScale: LiveExample = { id: 'init-scale', knobs: initScaleKnobs, run };
