/**
 * Lesson 5: the downsampling projection of ResNet v1/v1.5 against ResNet-D's (Tong He et al.,
 * "Bag of Tricks for Image Classification with Convolutional Neural Networks", 2019, §4.1): which
 * input positions reach the output.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { avgPool2d, batchNorm, conv2d, countParams, input, withSeed } from '@residual/core/model';

/** `'v1.5'`: 1×1 convolution with stride 2; `'D'`: 2×2 average pool with stride 2, then a 1×1 convolution. */
export type DownsampleShortcut = 'v1.5' | 'D';

/**
 * The shortcut of a downsampling block, `[N, H, W, C]` → `[N, H/2, W/2, 2C]`, as a model.
 *
 * @param kind - `'v1.5'` or `'D'`
 * @param size - height and width of the input
 * @param channels - input channels C
 * @example
 * downsampleShortcut('D', 8, 16).outputs[0]?.shape; // [null, 4, 4, 32]
 */
export function downsampleShortcut(kind: DownsampleShortcut, size: number, channels: number): tfl.LayersModel {
  return withSeed(1, () => {
    const x = input([size, size, channels]); // [N, H, W, C]
    // #region shortcuts
    const projected =
      kind === 'v1.5'
        ? conv2d(x, { filters: 2 * channels, kernelSize: 1, strides: 2, useBias: false }) //  reads one pixel in four
        : conv2d(avgPool2d(x, { poolSize: 2, strides: 2 }), { filters: 2 * channels, kernelSize: 1, useBias: false }); // averages all four first
    const y = batchNorm(projected); // [N, H/2, W/2, 2C]
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}

/**
 * The fraction of input positions whose value changes the shortcut's output: positions where the
 * gradient of the output's sum is not zero.
 *
 * @param kind - `'v1.5'` or `'D'`
 * @returns the fraction (0–1) and the shortcut's trainable parameters
 * @example
 * await inputCoverage('v1.5'); // { fraction: 0.25, params: … }
 */
export async function inputCoverage(kind: DownsampleShortcut): Promise<{ fraction: number; params: number }> {
  const size = 8;
  const channels = 4;
  const model = downsampleShortcut(kind, size, channels);
  try {
    const fraction = tf.tidy(() => {
      const x = tf.randomNormal([1, size, size, channels], 0, 1, 'float32', 2); // [1, H, W, C]
      const gradient = tf.grad((image: tf.Tensor) => tf.sum(model.apply(image, { training: false }) as tf.Tensor))(x); // [1, H, W, C]
      const touched = tf.greater(tf.max(tf.abs(gradient), -1), 0); // [1, H, W]: any channel reached
      return tf.mean(tf.cast(touched, 'float32'));
    });
    const [value = Number.NaN] = await fraction.data();
    fraction.dispose();
    return { fraction: value, params: countParams(model).trainable };
  } finally {
    model.dispose();
  }
}
