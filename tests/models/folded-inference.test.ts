// Property: inference with every batch norm folded into its convolution (inferenceModel) computes
// what the layers compute, for any stack of the library's blocks, strides and shortcuts; and a
// residual branch zeroed by its last BN (γ = β = 0) folds to exactly zero, so the identity survives.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { inferenceModel } from '@residual/core/engine';
import { basicBlock, bottleneck, input, isBatchNormLayer, plainBlock, preactBlock, withSeed, type Sym } from '@residual/core/model';
// The core unit tests' helper: every batch norm gets its own γ, β and running statistics.
import { randomizeBatchNorms } from '@residual/core/testing';
import { beforeAll, describe, expect, test } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Kind = 'basic' | 'bottleneck' | 'plain' | 'preact';
const blockSpec = fc.record({
  kind: fc.constantFrom<Kind>('basic', 'bottleneck', 'plain', 'preact'),
  filters: fc.integer({ min: 1, max: 4 }),
  strides: fc.constantFrom(1, 2),
  zeroPad: fc.boolean(), // where the shape changes: option A (when channels do not shrink) instead of B
});
const stackCase = fc.record({
  size: fc.integer({ min: 2, max: 7 }),
  channels: fc.integer({ min: 1, max: 4 }),
  blocks: fc.array(blockSpec, { minLength: 1, maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

interface StackCase {
  readonly size: number;
  readonly channels: number;
  readonly blocks: readonly { kind: Kind; filters: number; strides: number; zeroPad?: boolean }[];
  readonly seed: number;
}

/** A model of blocks (the shapes are random here, so the blocks are called untyped). */
function stack(c: StackCase): tfl.LayersModel {
  return withSeed(c.seed, () => {
    const x = input([c.size, c.size, c.channels]);
    let y: Sym = x as Sym;
    c.blocks.forEach((spec, index) => {
      const options = { filters: spec.filters, strides: spec.strides, name: `b${index}` };
      const [inChannels, outChannels] = [y.shape[3] as number, spec.filters * (spec.kind === 'bottleneck' ? 4 : 1)];
      const changes = spec.strides !== 1 || inChannels !== outChannels;
      const shortcut = !changes ? 'identity' : spec.zeroPad === true && inChannels <= outChannels ? 'zero-pad' : 'projection';
      const block = { basic: basicBlock, bottleneck, preact: preactBlock }[spec.kind === 'plain' ? 'basic' : spec.kind];
      y = spec.kind === 'plain' ? (plainBlock(y as never, options as never) as Sym) : (block(y as never, { ...options, shortcut } as never) as Sym);
    });
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}

describe('inference with batch norms folded into their convolutions', () => {
  test('equals the layers for any stack of blocks (≥ 60 random cases)', () => {
    fc.assert(
      fc.property(stackCase, (c) => {
        const model = stack(c);
        randomizeBatchNorms(model, c.seed);
        const inference = inferenceModel(model);
        const x = tf.randomNormal([2, c.size, c.size, c.channels], 0, 1, 'float32', c.seed);
        const [got, expected] = [inference.predict(x), model.predict(x) as tf.Tensor];
        const error = tf.tidy(() => tf.div(tf.max(tf.abs(tf.sub(got, expected))), tf.add(tf.max(tf.abs(expected)), 1e-6)).dataSync()[0] ?? Infinity);
        // Every batch norm right after a convolution folds (a pre-activation block's bn1 reads no conv).
        const afterConv = (layer: tfl.layers.Layer) => layer.inboundNodes[0]?.inboundLayers[0]?.getClassName() === 'Conv2D';
        const batchNorms = model.layers.filter((layer) => isBatchNormLayer(layer) && afterConv(layer)).length;
        expect(inference.fusions.filter((fusion) => fusion.batchNorm !== null)).toHaveLength(batchNorms);
        tf.dispose([x, got, expected]);
        inference.dispose();
        model.dispose();
        expect(error).toBeLessThan(1e-4);
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  test('a zeroed residual branch folds to exactly zero: block(x) = relu(x) bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1_000_000 }), (filters, size, seed) => {
        const model = stack({ size, channels: filters, blocks: [{ kind: 'basic', filters, strides: 1 }], seed });
        randomizeBatchNorms(model, seed);
        const lastBn = model.getLayer('b0.bn2');
        const [gamma, beta, mean, variance] = lastBn.getWeights();
        lastBn.setWeights([tf.zerosLike(gamma!), tf.zerosLike(beta!), mean!, variance!]);
        const inference = inferenceModel(model);
        const x = tf.randomNormal([2, size, size, filters], 0, 1, 'float32', seed);
        const y = inference.predict(x);
        expect(Array.from(y.dataSync())).toEqual(Array.from(tf.relu(x).dataSync()));
        tf.dispose([x, y]);
        inference.dispose();
        model.dispose();
      }),
      { numRuns: 40, seed: 9 },
    );
  });
});
