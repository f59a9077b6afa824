import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from '../layers/input.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { preactBlock } from './preact-block.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Untyped = (x: unknown, options: unknown) => Sym;

function build(dims: [number, number, number], options: object): tfl.LayersModel {
  return withSeed(3, () => {
    const x = input(dims, { name: 'x' });
    return tfl.model({ inputs: x.tensor, outputs: (preactBlock as Untyped)(x, { ...options, name: 'b' }).tensor });
  });
}

/** Gives every batch norm of the model random γ, β, mean and variance, so that BN is no near-identity. */
function randomizeBatchNorms(model: tfl.LayersModel): void {
  model.layers
    .filter((layer) => layer.name.includes('bn'))
    .forEach((layer, index) => {
      const channels = layer.getWeights()[0]?.shape[0] ?? Number.NaN;
      layer.setWeights([
        tf.randomUniform([channels], 0.5, 1.5, 'float32', 10 + index),
        tf.randomNormal([channels], 0, 0.5, 'float32', 20 + index),
        tf.randomNormal([channels], 0, 0.5, 'float32', 30 + index),
        tf.randomUniform([channels], 0.5, 2, 'float32', 40 + index),
      ]);
    });
}

/** BN in inference mode, ReLU, conv: written out with tfjs-core ops from the layer's weights. */
function bnRelu(model: tfl.LayersModel, name: string, x: tf.Tensor4D): tf.Tensor4D {
  const [gamma, beta, mean, variance] = model.getLayer(name).getWeights() as tf.Tensor1D[];
  return tf.relu(tf.batchNorm(x, mean!, variance!, beta, gamma, 1e-5));
}
function conv(model: tfl.LayersModel, name: string, x: tf.Tensor4D, strides: number, pad: number): tf.Tensor4D {
  const [kernel] = model.getLayer(name).getWeights() as tf.Tensor4D[];
  const padded = pad === 0 ? x : tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
  return tf.conv2d(padded, kernel!, strides, 'valid');
}

describe('preactBlock (He et al. 2016)', () => {
  test('identity: x + conv2(relu(bn2(conv1(relu(bn1(x)))))), with no ReLU after the add', () => {
    const model = build([6, 6, 4], { filters: 4 });
    randomizeBatchNorms(model);
    const x = tf.randomNormal([2, 6, 6, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const branch = conv(model, 'b.conv2', bnRelu(model, 'b.bn2', conv(model, 'b.conv1', bnRelu(model, 'b.bn1', x), 1, 1)), 1, 1);
    const expected = tf.add(x, branch);
    const actual = model.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]).toBeLessThan(1e-4);
    expect(tf.min(actual).dataSync()[0]).toBeLessThan(0); // the sum is not rectified
    expect(model.layers.map((layer) => layer.name)).toEqual(['x', 'b.bn1', 'b.relu1', 'b.conv1', 'b.bn2', 'b.relu2', 'b.conv2', 'b.add']);
    model.dispose();
  });

  test('a projection is a 1×1 conv (no BN) of the pre-activated input, shared with the branch', () => {
    const model = build([6, 6, 4], { filters: 8, strides: 2, shortcut: 'projection' });
    randomizeBatchNorms(model);
    const x = tf.randomNormal([2, 6, 6, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
    const activated = bnRelu(model, 'b.bn1', x);
    const branch = conv(model, 'b.conv2', bnRelu(model, 'b.bn2', conv(model, 'b.conv1', activated, 2, 1)), 1, 1);
    const expected = tf.add(conv(model, 'b.downsample.0', activated, 2, 0), branch);
    const actual = model.predict(x) as tf.Tensor;
    expect(actual.shape).toEqual([2, 3, 3, 8]);
    expect(tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]).toBeLessThan(1e-4);
    expect(model.layers.some((layer) => layer.name === 'b.downsample.1')).toBe(false);
    model.dispose();
  });

  test('a zero-pad shortcut subsamples the pre-activated input and adds zero channels', () => {
    const model = build([6, 6, 4], { filters: 8, strides: 2, shortcut: 'zero-pad' });
    randomizeBatchNorms(model);
    const x = tf.randomNormal([2, 6, 6, 4], 0, 1, 'float32', 4) as tf.Tensor4D;
    const activated = bnRelu(model, 'b.bn1', x);
    const branch = conv(model, 'b.conv2', bnRelu(model, 'b.bn2', conv(model, 'b.conv1', activated, 2, 1)), 1, 1);
    const shortcut = tf.pad(tf.stridedSlice(activated, [0, 0, 0, 0], [2, 6, 6, 4], [1, 2, 2, 1]), [[0, 0], [0, 0], [0, 0], [0, 4]]);
    const actual = model.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(actual, tf.add(shortcut, branch)))).dataSync()[0]).toBeLessThan(1e-4);
    expect(model.countParams()).toBe(4 * 4 + 8 * 4 + 3 * 3 * 4 * 8 + 3 * 3 * 8 * 8); // two BNs (γ β mean var) and two convs
    model.dispose();
  });

  test('its shape errors are the other blocks\' words, under its own name', () => {
    expect(() => build([8, 8, 16], { filters: 32, strides: 2 })).toThrow(
      "shape error: preactBlock: residual add: main branch [N,4,4,32] vs identity shortcut [N,8,8,16] — use shortcut: 'projection' (1×1 conv, stride 2, 16→32) or 'zero-pad' (no parameters, stride 2, 16→32)",
    );
    expect(() => build([8, 8, 16], { filters: 32, shortcut: 'projecton' })).toThrow("preactBlock: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"projecton\". Did you mean 'projection'?");
  });
});
