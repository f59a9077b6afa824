import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpWebGpuForTests } from '../kernels/webgpu/__fixtures__/webgpu-test-backend.js';
import { releaseWebGpuBackend } from '../kernels/webgpu/release-webgpu-backend.js';
import { multiplyAdd } from './multiply-add.js';

const gpu = await setUpWebGpuForTests('multiplyAdd on webgpu');
afterAll(() => releaseWebGpuBackend());

describe.skipIf(!gpu.available)('multiplyAdd on webgpu', () => {
  it.each([[[7]], [[3, 5]], [[2, 3, 4]], [[2, 3, 4, 6]]])('equals x · scale + offset for shape %j, with a number and a per-channel scale', async (shape) => {
    await tf.setBackend('webgpu');
    const x = tf.randomNormal(shape, 0, 1, 'float32', 1);
    const offset = tf.randomNormal(shape, 0, 1, 'float32', 2);
    const perChannel = tf.randomNormal([shape[shape.length - 1] ?? 1], 0, 1, 'float32', 3);
    for (const scale of [-0.37, perChannel]) {
      const got = multiplyAdd(x, scale, offset);
      expect(got.shape).toEqual(shape);
      const want = tf.add(tf.mul(x, scale), offset);
      expect((await tf.max(tf.abs(tf.sub(got, want))).data())[0]).toBeLessThan(1e-5);
      tf.dispose([got, want]);
    }
    tf.dispose([x, offset, perChannel]);
  });
});
