import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import type { ConvCase } from './compare-conv-kernel.js';
import { epilogueActivations } from '../engine/kernels/webgpu/epilogue-wgsl.js';

/**
 * Small NHWC convolutions with a non-empty output: channel counts with and without a multiple of
 * 4 (vector and scalar loads), strides 1–3, 'same' / 'valid' / numeric padding, filters 1–4, and
 * sizes that cross tile edges.
 */
export const convCaseArbitrary: fc.Arbitrary<ConvCase> = fc
  .record({
    batch: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 10 }),
    width: fc.integer({ min: 1, max: 10 }),
    inChannels: fc.constantFrom(1, 2, 3, 4, 5, 8, 12, 20),
    outChannels: fc.constantFrom(1, 3, 4, 6, 8, 16, 36),
    filterHeight: fc.integer({ min: 1, max: 4 }),
    filterWidth: fc.integer({ min: 1, max: 4 }),
    strideHeight: fc.constantFrom(1, 2, 3),
    strideWidth: fc.constantFrom(1, 2),
    pad: fc.oneof(fc.constantFrom<'same' | 'valid'>('same', 'valid'), fc.integer({ min: 0, max: 2 })),
    activation: fc.constantFrom(...epilogueActivations),
    bias: fc.boolean(),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  // TF.js's numeric padding derives both output sizes from the filter height and row stride
  // (conv_util computeOutputShape2D), so it is only defined for square filters and equal strides.
  .map((c) => (typeof c.pad === 'number' ? { ...c, filterWidth: c.filterHeight, strideWidth: c.strideHeight } : c))
  .filter((c) => {
    const info = tf.backend_util.computeConv2DInfo(
      [c.batch, c.height, c.width, c.inChannels],
      [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels],
      [c.strideHeight, c.strideWidth],
      1,
      c.pad,
    );
    return info.outHeight > 0 && info.outWidth > 0;
  });
