import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countParams } from '@residual/core/model';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { libraryDownsample, zeroPadDownsample } from './dropped-shortcut-fixed.js';

beforeAll(useCpuBackend);

describe('lesson 7: the option A fix', () => {
  it('builds [N, 32, 32, 64] → [N, 16, 16, 128] with the projection’s weights fewer, and runs', () => {
    const zeroPad = zeroPadDownsample(1);
    const projection = libraryDownsample(1);
    try {
      // the projection's 1×1 kernel (64 · 128) and its batch norm's γ and β (2 · 128)
      expect(countParams(projection).trainable - countParams(zeroPad).trainable).toBe(64 * 128 + 2 * 128);
      const shape = tf.tidy(() => (zeroPad.predict(tf.randomNormal([1, 32, 32, 64], 0, 1, 'float32', 1)) as tf.Tensor).shape);
      expect(shape).toEqual([1, 16, 16, 128]);
    } finally {
      zeroPad.dispose();
      projection.dispose();
    }
  });
});
