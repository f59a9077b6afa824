import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import type { ConvCase } from './compare-conv-kernel.js';
import { epilogueActivations, type EpilogueActivation } from '../engine/kernels/webgpu/epilogue-wgsl.js';

/** What {@link convCases} draws from; each field narrows one axis of the default cases. */
export interface ConvCaseChoices {
  /** Largest image side (default 10). */
  readonly maxSide?: number;
  /** Input and output channel counts to pick from. */
  readonly inChannels?: readonly number[];
  readonly outChannels?: readonly number[];
  /** FusedConv2D activations to pick from (default all of the WebGPU epilogue's). */
  readonly activations?: readonly EpilogueActivation[];
}

/**
 * Small NHWC convolutions with a non-empty output over the channel counts, sizes and activations
 * chosen: strides 1–3 by 1–2, 'same' / 'valid' / numeric padding, filters 1–4, and a bias or not.
 *
 * @param choices - narrower channel counts (a kernel's own tile), sides or activations.
 * @returns the arbitrary.
 * @example
 * const simdCases = convCases({ inChannels: [4, 8, 12], outChannels: [8, 16], maxSide: 9 });
 */
export function convCases(choices: ConvCaseChoices = {}): fc.Arbitrary<ConvCase> {
  const { maxSide = 10, inChannels = [1, 2, 3, 4, 5, 8, 12, 20], outChannels = [1, 3, 4, 6, 8, 16, 36], activations = epilogueActivations } = choices;
  return (
    fc
      .record({
        batch: fc.integer({ min: 1, max: 3 }),
        height: fc.integer({ min: 1, max: maxSide }),
        width: fc.integer({ min: 1, max: maxSide }),
        inChannels: fc.constantFrom(...inChannels),
        outChannels: fc.constantFrom(...outChannels),
        filterHeight: fc.integer({ min: 1, max: 4 }),
        filterWidth: fc.integer({ min: 1, max: 4 }),
        strideHeight: fc.constantFrom(1, 2, 3),
        strideWidth: fc.constantFrom(1, 2),
        pad: fc.oneof(fc.constantFrom<'same' | 'valid'>('same', 'valid'), fc.integer({ min: 0, max: 2 })),
        activation: fc.constantFrom(...activations),
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
      })
  );
}

/**
 * Small NHWC convolutions with a non-empty output: channel counts with and without a multiple of
 * 4 (vector and scalar loads), strides 1–3, 'same' / 'valid' / numeric padding, filters 1–4, and
 * sizes that cross tile edges ({@link convCases} with its defaults).
 */
export const convCaseArbitrary: fc.Arbitrary<ConvCase> = convCases();
