import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { conv2d } from './conv2d.js';
import { dense } from './dense.js';
import { Sym } from './sym.js';
import { input } from './input.js';
import { withSeed } from './scope.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function build(dims: [number, number, number], options: Parameters<typeof conv2d>[1]): tfl.LayersModel {
  return withSeed(3, () => {
    const x = input(dims);
    return tfl.model({ inputs: x.tensor, outputs: conv2d(x, options as never).tensor });
  });
}

describe('conv2d', () => {
  test('numeric padding is PyTorch\'s: P zeros per side, then a valid conv', () => {
    const model = build([7, 7, 2], { filters: 3, kernelSize: 3, strides: 2, padding: 1, useBias: false });
    const kernel = model.getLayer('conv2d_1').getWeights()[0] as tf.Tensor4D;
    const x = tf.randomNormal([2, 7, 7, 2], 0, 1, 'float32', 11) as tf.Tensor4D;
    const expected = tf.conv2d(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]), kernel, 2, 'valid');
    const got = model.predict(x) as tf.Tensor;
    expect(got.shape).toEqual([2, 4, 4, 3]);
    expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-5);
    model.dispose();
    tf.dispose([x, expected, got]);
  });

  test('stride-1 padding (K−1)/2 runs as TF \'same\' and gives the same numbers', () => {
    const model = build([6, 5, 2], { filters: 2, kernelSize: 3, padding: 1, useBias: false });
    expect(model.layers.map((layer) => layer.getClassName())).toEqual(['InputLayer', 'Conv2D']);
    const kernel = model.getLayer('conv2d_1').getWeights()[0] as tf.Tensor4D;
    const x = tf.randomNormal([1, 6, 5, 2], 0, 1, 'float32', 5) as tf.Tensor4D;
    const expected = tf.conv2d(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]), kernel, 1, 'valid');
    const got = model.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-5);
    model.dispose();
    tf.dispose([x, expected, got]);
  });

  test('weights: He normal with fan-out, seeded; useBias false has no bias', () => {
    const model = build([8, 8, 16], { filters: 64, kernelSize: 3, useBias: false });
    const weights = model.getLayer('conv2d_1').getWeights();
    expect(weights).toHaveLength(1);
    const std = Math.sqrt(tf.moments(weights[0] as tf.Tensor).variance.dataSync()[0] ?? 0);
    expect(std).toBeGreaterThan(Math.sqrt(2 / (9 * 64)) * 0.95);
    expect(std).toBeLessThan(Math.sqrt(2 / (9 * 64)) * 1.05);
    const again = build([8, 8, 16], { filters: 64, kernelSize: 3, useBias: false });
    expect(Array.from(again.getLayer('conv2d_1').getWeights()[0]?.dataSync() ?? [])).toEqual(Array.from(weights[0]?.dataSync() ?? []));
    model.dispose();
    again.dispose();
  });

  test('from plain JavaScript, a window that does not fit throws the type error\'s words', () => {
    const untyped = conv2d as (x: unknown, options: unknown) => unknown;
    expect(() => withSeed(1, () => untyped(input([5, 5, 3]), { filters: 4, kernelSize: 7 }))).toThrow(
      "shape error: conv2d: kernel 7×7 must fit the input, but got [N,5,5,3] with padding 'valid' — use padding 'same', a smaller kernelSize or a larger input",
    );
  });

  test('unknown input channels are refused: a conv needs its fan-in', () => {
    const untyped = conv2d as (x: unknown, options: unknown) => unknown;
    const x = new Sym(tfl.input({ shape: [8, 8, null] as unknown as number[] }));
    expect(() => withSeed(1, () => untyped(x, { filters: 4, kernelSize: 3 }))).toThrow(
      'shape error: conv2d: input channels must be known, but got [N,8,8,?] — give input() the number of channels',
    );
    const features = new Sym(tfl.input({ shape: [null] as unknown as number[] }));
    expect(() => withSeed(1, () => (dense as (x: unknown, options: unknown) => unknown)(features, { units: 2 }))).toThrow(
      'shape error: dense: input features must be known, but got [N,?] — give input() the feature size',
    );
  });
});
