import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { oneByOneDownsample } from './conv3x3-downsample-fixed.js';
import { handWrittenDownsample, libraryDownsample } from './dropped-shortcut-fixed.js';
import { stemAndFirstStage } from './stem-no-padding-fixed.js';

beforeAll(useCpuBackend);

/** Runs a model on a seeded batch and returns the output shape; disposes the model. */
function runOnce(model: tfl.LayersModel, inShape: number[]): number[] {
  try {
    return tf.tidy(() => (model.predict(tf.randomNormal(inShape, 0, 1, 'float32', 1)) as tf.Tensor).shape);
  } finally {
    model.dispose();
  }
}

describe('lesson 7: the fixes build and run', () => {
  it('projection shortcut, by hand and from the library: [N, 32, 32, 64] → [N, 16, 16, 128]', () => {
    expect(runOnce(handWrittenDownsample(1), [1, 32, 32, 64])).toEqual([1, 16, 16, 128]);
    expect(runOnce(libraryDownsample(1), [1, 32, 32, 64])).toEqual([1, 16, 16, 128]);
  });

  it('the hand-written fix is exactly the library block (same weights, same output)', () => {
    const byHand = handWrittenDownsample(1);
    const library = libraryDownsample(2);
    try {
      expect(byHand.countParams()).toBe(library.countParams());
      // the layers as each build names them: the hand-written ones by kind and order
      const roles = { conv2d_1: 'conv1', batch_norm_1: 'bn1', conv2d_2: 'conv2', batch_norm_2: 'bn2', conv2d_3: 'downsample.0', batch_norm_3: 'downsample.1' };
      for (const [mine, theirs] of Object.entries(roles)) {
        byHand.getLayer(mine).setWeights(library.getLayer(`basic_block_1.${theirs}`).getWeights());
      }
      const difference = tf.tidy(() => {
        const x = tf.randomNormal([1, 32, 32, 64], 0, 1, 'float32', 5);
        return tf.max(tf.abs(tf.sub(byHand.predict(x) as tf.Tensor, library.predict(x) as tf.Tensor))).dataSync()[0];
      });
      expect(difference).toBe(0);
    } finally {
      byHand.dispose();
      library.dispose();
    }
  });

  it('1×1 stride-2 downsample and padded stem give the sizes the branch and the stage expect', () => {
    expect(runOnce(oneByOneDownsample(1), [1, 32, 32, 64])).toEqual([1, 16, 16, 128]);
    const stem = stemAndFirstStage(1); // (no forward pass: 224×224 is slow on the cpu backend)
    expect(stem.outputs[0]?.shape).toEqual([null, 56, 56, 64]);
    stem.dispose();
  });
});
