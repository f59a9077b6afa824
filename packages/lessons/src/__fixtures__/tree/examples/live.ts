import * as tf from '@tensorflow/tfjs-core';
import type { LiveExample } from '../../../live-types.js';

/** A tiny deterministic live example: repeated damping of a fixed vector, norm per step. */
const sampleLive: LiveExample = {
  id: 'sample-live',
  async run({ size, signal, onProgress }) {
    const steps = size === 'small' ? 8 : 40;
    let x: tf.Tensor = tf.tensor1d([3, 4, 12]); // norm 13
    const norms: Array<[number, number]> = [];
    for (let step = 1; step <= steps; step += 1) {
      if (signal.aborted) break;
      const next = tf.tidy(() => tf.add(tf.mul(x, 0.5), 0.01));
      x.dispose();
      x = next;
      const norm = tf.tidy(() => tf.sqrt(tf.sum(tf.square(x))));
      norms.push([step, (await norm.data())[0] ?? NaN]);
      norm.dispose();
      onProgress({ step, total: steps });
    }
    x.dispose();
    const last = norms.at(-1)?.[1] ?? NaN;
    return {
      summary: { steps: norms.length, finalNorm: last },
      charts: [{ title: 'norm per step', x: 'step', y: 'norm', log: true, series: [{ name: 'x', points: norms }] }],
    };
  },
};

export const liveExamples = { 'sample-live': async () => sampleLive };
