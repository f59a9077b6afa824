import * as tf from '@tensorflow/tfjs-core';

/** The TF.js kernel name of {@link residualConv2d}; Residual registers it on webgpu. */
export const residualConv2dKernelName = 'ResidualConv2D';

/** Arguments of {@link residualConv2d}. */
export interface ResidualConv2dArgs {
  /** `[N, H, W, C]` */
  readonly x: tf.Tensor4D;
  /** `[K_h, K_w, C, C′]` */
  readonly filter: tf.Tensor4D;
  /** `[C′]`, or `null` */
  readonly bias: tf.Tensor1D | null;
  /** what the block adds: `[N, H′, W′, C′]`, the convolution's output shape */
  readonly residual: tf.Tensor4D;
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number;
  readonly dilations: [number, number];
  readonly activation: 'linear' | 'relu';
}

/**
 * The end of a residual block, inference only: `activation(conv(x, filter) + bias + residual)`.
 * Where the active backend has the `ResidualConv2D` kernel (Residual's webgpu kernels) this is one
 * kernel, the bias, the residual and the ReLU applied as the convolution stores its output;
 * elsewhere it runs as TF.js's fused convolution, an add and a ReLU. It has no gradient.
 *
 * @param args - x `[N, H, W, C]`, filter `[K_h, K_w, C, C′]`, bias `[C′]` or null, residual
 *   `[N, H′, W′, C′]`, strides, pad, dilations, activation.
 * @returns `[N, H′, W′, C′]`
 * @example
 * // y = relu(bn2(conv2(h)) + x) with bn2 folded into filter2 and bias2
 * const y = residualConv2d({ x: h, filter: filter2, bias: bias2, residual: x, strides: [1, 1], pad: 'same', dilations: [1, 1], activation: 'relu' });
 */
export function residualConv2d(args: ResidualConv2dArgs): tf.Tensor4D {
  const { x, filter, bias, residual, strides, pad, dilations, activation } = args;
  const info = tf.backend_util.computeConv2DInfo(x.shape, filter.shape, strides, dilations, pad);
  if (!tf.util.arraysEqual(residual.shape, info.outShape)) {
    throw new Error(
      `residualConv2d: residual must have the convolution's output shape [${info.outShape.join(', ')}], but got [${residual.shape.join(', ')}]. ` +
        'Add a projection shortcut (1×1 convolution with the block\'s stride) so both branches agree.',
    );
  }
  if (tf.getKernel(residualConv2dKernelName, tf.getBackend()) !== undefined) {
    const inputs = { x, filter, residual, ...(bias === null ? {} : { bias }) };
    return tf.engine().runKernel(residualConv2dKernelName, inputs as unknown as tf.NamedTensorMap, {
      strides, pad, dilations, dataFormat: 'NHWC', activation,
    } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  }
  return tf.tidy(() => {
    const sum = tf.add(tf.fused.conv2d({ x, filter, strides, pad, dilations, ...(bias === null ? {} : { bias }) }), residual);
    return (activation === 'relu' ? tf.relu(sum) : sum) as tf.Tensor4D;
  });
}
