// Property: for random sizes, windows, strides, paddings and dilations, the shape TF.js really
// produces (symbolic and computed) equals the run-time formula `convOutputSize` — the formula the
// type-level `ConvOutputSize` is checked against (packages/shapes/src/tables).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { avgPool2d, conv2d, convOutputSize, maxPool2d, input, withSeed, ShapeError, type Padding, type Sym } from '@residual/core';
import { beforeAll, describe, expect, test } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Layer = (x: unknown, options: unknown) => Sym;

const windowCase = fc
  .record({
    height: fc.integer({ min: 1, max: 12 }),
    width: fc.integer({ min: 1, max: 12 }),
    channels: fc.integer({ min: 1, max: 3 }),
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    dilation: fc.integer({ min: 1, max: 3 }),
    padding: fc.oneof(fc.constant<Padding>('same'), fc.constant<Padding>('valid'), fc.integer({ min: 0, max: 3 })),
  })
  .filter((c) => c.stride === 1 || c.dilation === 1);

function expectedShape(c: { height: number; width: number; kernel: number; stride: number; padding: Padding; dilation: number }): [number, number] | undefined {
  try {
    const options = { kernelSize: c.kernel, stride: c.stride, padding: c.padding, dilation: c.dilation };
    return [convOutputSize(c.height, options), convOutputSize(c.width, options)];
  } catch {
    return undefined; // the window does not fit
  }
}

/** Builds `layer` on [height, width, channels], runs it on a batch of 2, returns both shapes. */
function run(layer: Layer, c: { height: number; width: number; channels: number }, options: object): { symbolic: readonly (number | null)[]; computed: number[] } {
  return withSeed(1, () => {
    const x = input([c.height, c.width, c.channels]);
    const y = layer(x, options);
    const model = tfl.model({ inputs: x.tensor, outputs: y.tensor });
    const out = model.predict(tf.ones([2, c.height, c.width, c.channels])) as tf.Tensor;
    const result = { symbolic: y.shape, computed: out.shape };
    out.dispose();
    model.dispose();
    return result;
  });
}

describe('layer shapes agree with the formula', () => {
  test('conv2d (≥ 100 random cases)', () => {
    fc.assert(
      fc.property(windowCase, fc.integer({ min: 1, max: 4 }), (c, filters) => {
        const expected = expectedShape(c);
        const options = { filters, kernelSize: c.kernel, strides: c.stride, padding: c.padding, dilationRate: c.dilation, useBias: false };
        if (expected === undefined) {
          expect(() => run(conv2d as Layer, c, options)).toThrow(ShapeError);
          return;
        }
        const { symbolic, computed } = run(conv2d as Layer, c, options);
        expect(symbolic).toEqual([null, ...expected, filters]);
        expect(computed).toEqual([2, ...expected, filters]);
      }),
      { numRuns: 120, seed: 20_151_210 },
    );
  });

  test('maxPool2d and avgPool2d (≥ 100 random cases each)', () => {
    const poolCase = windowCase
      .map((c) => ({ ...c, dilation: 1 }))
      .filter((c) => typeof c.padding !== 'number' || 2 * c.padding <= c.kernel);
    for (const pool of [maxPool2d, avgPool2d] as Layer[]) {
      fc.assert(
        fc.property(poolCase, (c) => {
          const expected = expectedShape(c);
          const options = { poolSize: c.kernel, strides: c.stride, padding: c.padding };
          if (expected === undefined) {
            expect(() => run(pool, c, options)).toThrow(ShapeError);
            return;
          }
          const { symbolic, computed } = run(pool, c, options);
          expect(symbolic).toEqual([null, ...expected, c.channels]);
          expect(computed).toEqual([2, ...expected, c.channels]);
        }),
        { numRuns: 110, seed: 1512 },
      );
    }
  });
});
