/**
 * Lesson 1, live: how far a residual block's output is from its input as the last γ of its branch
 * grows from 0 (the block is the identity) to 1 (its usual starting value).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, input, withSeed } from '@residual/core/model';
import { readLayerWeight, setLayerWeight } from '../shared/layer-weight.js';
import { numberSetting } from '../../src/live-settings.js';
import type { LiveContext, LiveExample, LiveKnob, LiveResult } from '../../src/live-types.js';

/** The settings a reader can change; the defaults are the configuration lesson 1's text quotes. */
export const identityStartKnobs: readonly LiveKnob[] = [
  { key: 'channels', kind: 'integer', min: 1, max: 64, default: 8 },
  { key: 'size', kind: 'integer', min: 2, max: 32, default: 8 },
  { key: 'batch', kind: 'integer', min: 1, max: 32, default: 4 },
  { key: 'gammaPoints', kind: 'integer', min: 2, max: 41, default: 5 },
  // Lesson 1's exercise: with negative inputs the block at γ = 0 is relu(x), not x.
  { key: 'negativeInputs', kind: 'toggle', default: false },
];

/**
 * Relative distance ‖block(x) − x‖ / ‖x‖ for a non-negative input, for each scale of `bn2`'s γ.
 *
 * @param ctx - the live context (size, stop signal, progress)
 * @returns the distances, as a summary and a chart
 * @example
 * const { result } = await runLiveExample(identityStart, { size: 'full' });
 */
async function run(ctx: LiveContext): Promise<LiveResult> {
  const [size, channels, batch, points] = ['size', 'channels', 'batch', 'gammaPoints'].map((key) => numberSetting(ctx.settings, key)) as [number, number, number, number];
  const negative = ctx.settings['negativeInputs'] === true;
  const model = withSeed(11, () => {
    const x = input([size, size, channels]); // [N, H, W, C]
    return tfl.model({ inputs: x.tensor, outputs: basicBlock(x, { filters: channels, name: 'block' }).tensor });
  });
  const x = tf.tidy(() => {
    const values = tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', 5); // [N, H, W, C]
    return negative ? values : tf.relu(values); // ≥ 0 unless the reader asked for negative inputs
  });
  const bn2 = model.getLayer('block.bn2');
  const gamma = readLayerWeight(bn2, 'gamma'); // [C], all ones at the start
  const curve: Array<[number, number]> = [];
  try {
    for (let index = 0; index < points; index += 1) {
      if (ctx.signal.aborted) throw new Error('identity-start: stopped');
      const scale = index / (points - 1);
      const distance = tf.tidy(() => {
        // #region scale
        setLayerWeight(bn2, 'gamma', tf.mul(gamma, scale)); //  γ ← scale · γ
        const y = model.apply(x, { training: true }) as tf.Tensor; //            [N, H, W, C]
        return tf.div(tf.norm(tf.sub(y, x)), tf.norm(x)); //           ‖block(x) − x‖ / ‖x‖
        // #endregion
      });
      const [value = Number.NaN] = await distance.data(); // asynchronous read: GPU backends prefer it
      distance.dispose();
      curve.push([scale, value]);
      ctx.onProgress({ step: index + 1, total: points, message: `γ = ${scale.toFixed(2)}` });
      await tf.nextFrame();
    }
  } finally {
    tf.dispose([x, gamma]);
    model.dispose();
  }
  const first = curve[0]?.[1] ?? Number.NaN;
  const last = curve[curve.length - 1]?.[1] ?? Number.NaN;
  return {
    summary: { gammaPoints: points, distanceAtZero: first, distanceAtOne: last },
    charts: [{ title: 'distance from the identity', x: 'γ of the last BN', y: '‖block(x) − x‖ / ‖x‖', series: [{ name: 'basic block', points: curve }] }],
  };
}

/** The live example `identity-start`. */
export const identityStart: LiveExample = { id: 'identity-start', knobs: identityStartKnobs, run };
