import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { convNchwByLoops, layoutCheck, nchwToNhwc, torchKernelToTf } from './nhwc.js';

beforeAll(useCpuBackend);

describe('lesson 5: NHWC and NCHW', () => {
  it('moves the channel axis last, and the kernel to [K, K, Cin, Cout]', () => {
    const [input, kernel, value] = tf.tidy(() => {
      const x = tf.tensor4d(Array.from({ length: 2 * 3 * 4 * 5 }, (_, index) => index), [2, 3, 4, 5]); // [N, C, H, W]
      const y = nchwToNhwc(x);
      // element (n=1, c=2, h=3, w=4) of NCHW is element (1, 3, 4, 2) of NHWC
      const picked = tf.slice(y, [1, 3, 4, 2], [1, 1, 1, 1]).dataSync()[0];
      return [y.shape, torchKernelToTf(tf.zeros([8, 3, 7, 7]) as tf.Tensor4D).shape, picked];
    });
    expect(input).toEqual([2, 4, 5, 3]);
    expect(kernel).toEqual([7, 7, 3, 8]);
    expect(value).toBe(((1 * 3 + 2) * 4 + 3) * 5 + 4);
  });

  it('the loop convolution handles padding and stride (a 1×1 identity kernel copies pixels)', () => {
    const x = Float32Array.from({ length: 16 }, (_, index) => index);
    const out = convNchwByLoops(x, [1, 1, 4, 4], Float32Array.of(1), [1, 1, 1, 1], 2, 0);
    expect(out.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(out.values)).toEqual([0, 2, 8, 10]);
  });

  it('tf.conv2d on converted tensors equals the NCHW loops', () => {
    expect(layoutCheck(1)).toBeLessThan(1e-5);
    expect(layoutCheck(2)).toBeLessThan(1e-5);
  });
});
