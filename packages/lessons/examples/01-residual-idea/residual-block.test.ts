import * as tf from '@tensorflow/tfjs-core';
import { basicBlock, countParams, input, type ShapeOf } from '@residual/core/model';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { handWrittenBlock, libraryBlock } from './residual-block.js';

beforeAll(useCpuBackend);

describe('lesson 1: the residual block', () => {
  it('knows the output shape at compile time', () => {
    const build = () => basicBlock(input([32, 32, 64]), { filters: 64 });
    expectTypeOf<ShapeOf<ReturnType<typeof build>>>().toEqualTypeOf<[number, 32, 32, 64]>();
  });

  it('computes exactly what basicBlock computes, given the same weights', () => {
    const byHand = handWrittenBlock(1);
    const library = libraryBlock(2);
    try {
      expect(byHand.outputs[0]?.shape).toEqual([null, 32, 32, 64]);
      expect(countParams(byHand)).toEqual(countParams(library));
      byHand.setWeights(library.getWeights());
      const [a, b] = tf.tidy(() => {
        const x = tf.randomNormal([2, 32, 32, 64], 0, 1, 'float32', 3);
        const outHand = byHand.apply(x, { training: true }) as tf.Tensor;
        const outLibrary = library.apply(x, { training: true }) as tf.Tensor;
        return [tf.max(tf.abs(tf.sub(outHand, outLibrary))).dataSync()[0], tf.max(outLibrary).dataSync()[0]];
      });
      expect(a).toBe(0);
      expect(b).toBeGreaterThan(0);
    } finally {
      byHand.dispose();
      library.dispose();
    }
  });
});
