import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { residualConv2d } from './residual-conv2d.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('residualConv2d (a backend without the ResidualConv2D kernel: conv, add, ReLU)', () => {
  it('computes activation(conv(x) + bias + residual)', async () => {
    const x = tf.randomNormal([2, 6, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D; // [N, H, W, C]
    const filter = tf.randomNormal([3, 3, 3, 5], 0, 0.5, 'float32', 2) as tf.Tensor4D;
    const bias = tf.randomNormal([5], 0, 1, 'float32', 3) as tf.Tensor1D;
    const residual = tf.randomNormal([2, 3, 3, 5], 0, 1, 'float32', 4) as tf.Tensor4D; // [N, H′, W′, C′]
    for (const activation of ['linear', 'relu'] as const) {
      const got = residualConv2d({ x, filter, bias, residual, strides: [2, 2], pad: 'same', dilations: [1, 1], activation });
      const sum = tf.add(tf.add(tf.conv2d(x, filter, 2, 'same'), bias), residual);
      const expected = activation === 'relu' ? tf.relu(sum) : sum;
      expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-5);
      expect((await tf.min(got).data())[0]! < 0).toBe(activation === 'linear');
      tf.dispose([got, sum, expected]);
    }
    tf.dispose([x, filter, bias, residual]);
  });

  it('refuses a residual of another shape and names the fix', () => {
    const x = tf.zeros([1, 8, 8, 4]) as tf.Tensor4D;
    const filter = tf.zeros([3, 3, 4, 8]) as tf.Tensor4D;
    const residual = tf.zeros([1, 8, 8, 4]) as tf.Tensor4D;
    expect(() => residualConv2d({ x, filter, bias: null, residual, strides: [2, 2], pad: 'same', dilations: [1, 1], activation: 'relu' })).toThrow(
      "residualConv2d: residual must have the convolution's output shape [1, 4, 4, 8], but got [1, 8, 8, 4]. Add a projection shortcut (1×1 convolution with the block's stride) so both branches agree.",
    );
    tf.dispose([x, filter, residual]);
  });
});
