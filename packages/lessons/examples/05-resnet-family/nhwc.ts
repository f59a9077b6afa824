/**
 * Lesson 5: TF.js's NHWC layout and `[K, K, Cin, Cout]` kernels vs PyTorch's NCHW and
 * `[Cout, Cin, K, K]`, checked by computing one convolution both ways.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@residual/core/training';

// #region convert
/** A PyTorch image batch `[N, C, H, W]` in TF.js's layout `[N, H, W, C]`. */
export function nchwToNhwc(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 2, 3, 1]);
}

/** A PyTorch conv kernel `[Cout, Cin, K, K]` in TF.js's layout `[K, K, Cin, Cout]`. */
export function torchKernelToTf(weight: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(weight, [2, 3, 1, 0]);
}
// #endregion

/**
 * A convolution the way PyTorch defines it, with plain loops over NCHW arrays.
 *
 * @param x - input values, NCHW, shape `[n, c, h, w]`
 * @param weight - kernel values, `[cout, c, k, k]`
 * @returns output values, NCHW, and the output shape
 */
export function convNchwByLoops(
  x: Float32Array,
  [n, c, h, w]: readonly [number, number, number, number],
  weight: Float32Array,
  [cout, , k]: readonly [number, number, number, number],
  stride: number,
  pad: number,
): { values: Float32Array; shape: [number, number, number, number] } {
  const outH = Math.floor((h + 2 * pad - k) / stride) + 1;
  const outW = Math.floor((w + 2 * pad - k) / stride) + 1;
  const values = new Float32Array(n * cout * outH * outW);
  for (let b = 0; b < n; b++)
    for (let o = 0; o < cout; o++)
      for (let i = 0; i < outH; i++)
        for (let j = 0; j < outW; j++) {
          let sum = 0;
          for (let ch = 0; ch < c; ch++)
            for (let di = 0; di < k; di++)
              for (let dj = 0; dj < k; dj++) {
                const row = i * stride + di - pad;
                const col = j * stride + dj - pad;
                if (row < 0 || row >= h || col < 0 || col >= w) continue;
                sum += (x[((b * c + ch) * h + row) * w + col] ?? 0) * (weight[((o * c + ch) * k + di) * k + dj] ?? 0);
              }
          values[((b * cout + o) * outH + i) * outW + j] = sum;
        }
  return { values, shape: [n, cout, outH, outW] };
}

/**
 * Computes a 3×3, stride-2, padding-1 convolution with the loops (NCHW) and with `tf.conv2d` after
 * converting input and kernel to TF.js's layout; returns the largest difference.
 *
 * @param seed - seed of the random input and kernel
 * @example
 * layoutCheck(1); // about 1e-6
 */
export function layoutCheck(seed: number): number {
  const rng = Rng.fromSeed(seed); // the library's seeded generator: the same numbers in Node and every browser
  const random = () => rng.next();
  const inShape = [2, 3, 9, 9] as const; //   [N, C, H, W], PyTorch
  const kernelShape = [4, 3, 3, 3] as const; // [Cout, Cin, K, K], PyTorch
  const x = Float32Array.from({ length: 2 * 3 * 9 * 9 }, () => random() * 2 - 1);
  const weight = Float32Array.from({ length: 4 * 3 * 3 * 3 }, () => random() * 2 - 1);
  const byLoops = convNchwByLoops(x, inShape, weight, kernelShape, 2, 1);
  return tf.tidy(() => {
    const nhwc = nchwToNhwc(tf.tensor4d(x, [...inShape])); //                   [N, H, W, C]
    const kernel = torchKernelToTf(tf.tensor4d(weight, [...kernelShape])); //    [K, K, Cin, Cout]
    const out = tf.conv2d(nhwc, kernel, 2, [[0, 0], [1, 1], [1, 1], [0, 0]]); // [N, H', W', Cout]
    const expected = nchwToNhwc(tf.tensor4d(byLoops.values, byLoops.shape));
    return tf.max(tf.abs(tf.sub(out, expected))).dataSync()[0] ?? Number.NaN;
  });
}
