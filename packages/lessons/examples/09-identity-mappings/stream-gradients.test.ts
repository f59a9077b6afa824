import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from '@residual/core/engine';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { buildStack, streamGradients } from './stream-gradients.js';
import { runLiveExample } from '../../src/live-runner.js';
import { numbers } from './numbers.js';
import { preactGradients } from './stream-gradients-live.js';

beforeAll(async () => {
  await useCpuBackend();
  registerTrainingKernels(tf.getBackend());
});

describe('lesson 9: gradients at the blocks’ inputs', () => {
  it('the probe gradient is the gradient with respect to the block input (checked against tf.grad of the images)', async () => {
    const config = { blocks: 2, size: 4, channels: 4, batch: 2, classes: 2, seed: 3 };
    const stack = buildStack(config, 'preact');
    try {
      const { norms, direct } = await streamGradients(stack, config);
      expect(norms).toHaveLength(2);
      expect(direct.at(-1)).toBeCloseTo(1, 6); // g_L against itself
      // a one-block stack: the probe gradient equals tf.grad of the loss with respect to the images
      const single = buildStack({ ...config, blocks: 1 }, 'preact');
      try {
        const [probeNorm] = (await streamGradients(single, { ...config, blocks: 1 })).norms;
        const expected = tf.tidy(() => {
          const images = tf.randomNormal([2, 4, 4, 4], 0, 1, 'float32', 3);
          const labels = tf.tensor1d([0, 1], 'int32');
          const loss = (x: tf.Tensor) => {
            const logits = single.head.apply(single.blocks[0]?.apply(x, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor2D;
            return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 2), logits) as tf.Scalar;
          };
          return tf.norm(tf.grad(loss)(images)).dataSync()[0];
        });
        expect(probeNorm).toBeCloseTo(expected ?? Number.NaN, 5);
      } finally {
        single.dispose();
      }
    } finally {
      stack.dispose();
    }
  });

  it('live (default settings): the pre-activation stack passes the top gradient down whole, the original one does not; nothing leaks', async () => {
    const { result, tensors } = await runLiveExample(preactGradients, { size: 'full' });
    const { summary, charts } = result;
    expect(tensors.after).toBe(tensors.before);
    expect(summary['blocks']).toBe(16);
    expect(Number(summary['preactDirectAtFirst'])).toBeGreaterThan(0.8);
    expect(Number(summary['originalDirectAtFirst'])).toBeLessThan(0.5);
    expect(charts?.[0]?.series.map((series) => series.points.length)).toEqual([16, 16]);
    const values = await numbers(result);
    expect(values['preact.live.blocks']).toBe(16);
    expect(values['preact.live.preactDirect']).toBe(summary['preactDirectAtFirst']);
  });

  it('the reader’s settings reach the experiment: one gradient per block', async () => {
    const { result, settings } = await runLiveExample(preactGradients, { size: 'full', settings: { blocks: '3', channels: '4', size: '4', batch: '4' } });
    expect(settings).toEqual({ blocks: 3, channels: 4, size: 4, batch: 4 });
    expect(result.summary['blocks']).toBe(3);
    expect(result.charts?.[1]?.series.map((series) => series.points.length)).toEqual([3, 3]);
  });
});
