/**
 * Lesson 3, live: ResNet-20's (or a deeper CIFAR ResNet's) inference as its layers run it and with every batch norm folded into
 * its convolution (the library's `inferenceModel`), timed on the reader's own backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildModel } from '@residual/core/model';
import { inferenceModel } from '@residual/core/engine';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult } from '../../src/live-types.js';
import { kernelCalls } from '../shared/kernel-calls.js';

/**
 * The settings a reader can change (lesson 3 quotes no figure of this run: its timings are the
 * reader's own). `rounds` are timed rounds, each one inference of each kind, after one untimed round.
 */
export const foldSpeedKnobs: readonly LiveKnob[] = [
  { key: 'model', kind: 'choice', options: ['resnet20', 'resnet32', 'resnet56'], default: 'resnet20' },
  { key: 'batch', kind: 'integer', min: 1, max: 128, default: 32, small: 4 },
  { key: 'rounds', kind: 'integer', min: 1, max: 30, default: 8, small: 2 },
];

/** Runs `infer` once, waits for its result (one value read back) and returns the milliseconds. */
async function timed(infer: () => tf.Tensor): Promise<number> {
  const started = performance.now();
  const first = tf.tidy(() => tf.slice(infer(), [0, 0], [1, 1]));
  await first.data();
  first.dispose();
  return performance.now() - started;
}

async function run(ctx: LiveContext): Promise<LiveResult> {
  const [batch, rounds, seed] = [numberSetting(ctx.settings, 'batch'), numberSetting(ctx.settings, 'rounds'), 1];
  const model = buildModel(String(ctx.settings['model']), { seed });
  const inference = inferenceModel(model.layersModel);
  const x = tf.randomNormal([batch, 32, 32, 3], 0, 1, 'float32', seed); // [N, H, W, C]
  const layers = () => model.layersModel.predict(x) as tf.Tensor; //   conv, BN, ReLU, add: a kernel each
  const folded = () => inference.predict(x); //                         each BN folded into its conv
  const times: Record<'layers' | 'folded', Array<[number, number]>> = { layers: [], folded: [] };
  try {
    const agreement = tf.tidy(() => {
      const [a, b] = [layers(), folded()];
      return tf.div(tf.max(tf.abs(tf.sub(a, b))), tf.max(tf.abs(a)));
    });
    const [relative = Number.NaN] = await agreement.data();
    agreement.dispose();
    await timed(layers); // the first call of each compiles its kernels: not timed
    await timed(folded);
    for (let round = 1; round <= rounds; round += 1) {
      if (ctx.signal.aborted) throw new Error('fold-speed: stopped');
      const order = round % 2 === 1 ? (['layers', 'folded'] as const) : (['folded', 'layers'] as const); // alternate who goes first
      for (const kind of order) times[kind].push([round, await timed(kind === 'layers' ? layers : folded)]);
      ctx.onProgress({ step: round, total: rounds });
    }
    const median = (points: Array<[number, number]>) => {
      const sorted = points.map(([, ms]) => ms).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    };
    const [layersMs, foldedMs] = [median(times.layers), median(times.folded)];
    return {
      summary: {
        model: String(ctx.settings['model']),
        batch,
        foldedBatchNorms: inference.fusions.filter((fusion) => fusion.batchNorm !== null).length,
        foldedAdds: inference.fusions.filter((fusion) => fusion.add !== null).length,
        sameLogits: relative < 1e-3 ? 'yes' : `no (${relative.toExponential(1)})`,
      },
      measured: {
        layersKernels: await kernelCalls(layers),
        foldedKernels: await kernelCalls(folded),
        layersMs: Number(layersMs.toFixed(1)),
        foldedMs: Number(foldedMs.toFixed(1)),
        speedUp: Number((layersMs / foldedMs).toFixed(2)),
      },
      charts: [
        {
          title: 'one inference of the batch',
          x: 'round',
          y: 'milliseconds',
          series: [
            { name: 'layers as built', points: times.layers },
            { name: 'batch norms folded', points: times.folded },
          ],
        },
      ],
    };
  } finally {
    x.dispose();
    inference.dispose();
    model.dispose();
  }
}

/** The live example `fold-speed`. */
export const foldSpeed: LiveExample = { id: 'fold-speed', knobs: foldSpeedKnobs, run };
