/**
 * Lesson 8: what the library draws for a convolution's weights, measured on a built layer.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { conv2d, input, withSeed } from '@residual/core/model';
import { layerWeight } from '../shared/layer-weight.js';

/** The measured standard deviation of a built kernel, and the two He rules for it. */
export interface KernelStd {
  measured: number;
  /** √(2 / fan_out), fan_out = K·K·Cout: torchvision's `kaiming_normal_(mode='fan_out')` */
  fanOut: number;
  /** √(2 / fan_in), fan_in = K·K·Cin */
  fanIn: number;
}

/**
 * Builds one 3×3 convolution from `inChannels` to `outChannels` with the library and measures the
 * standard deviation of its kernel.
 *
 * @example
 * libraryKernelStd(64, 128); // { measured: ≈ 0.0417, fanOut: 0.0417, fanIn: 0.0589 }
 */
export function libraryKernelStd(inChannels: number, outChannels: number): KernelStd {
  const model = withSeed(3, () => {
    const x = input([8, 8, inChannels]); // [N, H, W, Cin]
    // #region conv
    const y = conv2d(x, { filters: outChannels, kernelSize: 3, padding: 1, useBias: false, name: 'conv' }); // [N, H, W, Cout]
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
  try {
    const kernel = layerWeight(model.getLayer('conv'), 'kernel').read(); // [3, 3, Cin, Cout]
    const measured = tf.tidy(() => tf.sqrt(tf.moments(kernel).variance).dataSync()[0] ?? Number.NaN);
    return { measured, fanOut: Math.sqrt(2 / (9 * outChannels)), fanIn: Math.sqrt(2 / (9 * inChannels)) };
  } finally {
    model.dispose();
  }
}
