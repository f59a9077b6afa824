import * as tf from '@tensorflow/tfjs-core';
import type {
  DepthwiseConv2dNativeBackpropFilterAttrs,
  KernelBackend,
  KernelConfig,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { KernelRunner } from './kernel-runner.js';

/**
 * The filter gradient of a depthwise convolution, one filter tap at a time:
 * `dW[kh, kw, c, m] = Σ_{n, oh, ow} x[n, oh·s + kh·d − top, ow·s + kw·d − left, c] · dy[n, oh, ow, c·M + m]`.
 * Each tap is a strided slice of the padded input, multiplied by `dy` and summed over pixels.
 *
 * @param x - forward input, `[N, H, W, C]`.
 * @param dy - gradient of the forward output, `[N, OH, OW, C·M]`.
 * @param attrs - the forward strides, dilations, padding and filter shape `[KH, KW, C, M]`.
 * @returns the filter gradient, `[KH, KW, C, M]`.
 * @example
 * const dW = depthwiseBackpropFilter(new KernelRunner('wasm', backend), x, dy, attrs);
 */
export function depthwiseBackpropFilter(
  run: KernelRunner,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: DepthwiseConv2dNativeBackpropFilterAttrs,
): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  const { padInfo, batchSize, outHeight, outWidth, inHeight, inWidth, inChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = attrs.filterShape[3];
  const extentHeight = (outHeight - 1) * strideHeight + (filterHeight - 1) * dilationHeight + 1;
  const extentWidth = (outWidth - 1) * strideWidth + (filterWidth - 1) * dilationWidth + 1;
  const fitted = run.cropNegative(x, [
    [0, 0],
    [padInfo.top, extentHeight - padInfo.top - inHeight],
    [padInfo.left, extentWidth - padInfo.left - inWidth],
    [0, 0],
  ]);
  const padded = run.run('PadV2', { x: fitted.x }, { paddings: fitted.pad, constantValue: 0 }); // [N, extentH, extentW, C]
  const pixels = batchSize * outHeight * outWidth;
  const dy3 = run.reshape(dy, [pixels, inChannels, multiplier]);
  const taps: TensorInfo[] = [];
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      const top = kh * dilationHeight;
      const left = kw * dilationWidth;
      const tap = run.run(
        'StridedSlice',
        { x: padded },
        {
          begin: [0, top, left, 0],
          end: [batchSize, top + (outHeight - 1) * strideHeight + 1, left + (outWidth - 1) * strideWidth + 1, inChannels],
          strides: [1, strideHeight, strideWidth, 1],
          beginMask: 0,
          endMask: 0,
          ellipsisMask: 0,
          newAxisMask: 0,
          shrinkAxisMask: 0,
        },
      ); // [N, OH, OW, C]
      const tap3 = run.reshape(tap, [pixels, inChannels, 1]);
      const product = run.run('Multiply', { a: tap3, b: dy3 }); // [pixels, C, M]
      taps.push(run.run('Sum', { x: product }, { axis: [0], keepDims: true })); // [1, C, M]
      run.dispose(tap, tap3, product);
    }
  }
  const stacked = taps.length === 1 ? (taps[0] as TensorInfo) : run.run('Concat', taps, { axis: 0 });
  const dW = run.reshape(stacked, attrs.filterShape); // [KH, KW, C, M]
  run.dispose(padded, dy3, stacked);
  if (taps.length > 1) run.dispose(...taps);
  if (fitted.owned) run.dispose(fitted.x);
  return dW;
}

/**
 * A `DepthwiseConv2dNativeBackpropFilter` kernel for `backendName` (wasm ships none).
 *
 * @param backendName - e.g. `'wasm'`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(depthwiseBackpropFilterConfig('wasm'));
 */
export function depthwiseBackpropFilterConfig(backendName: string): KernelConfig {
  return {
    kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) =>
      depthwiseBackpropFilter(
        new KernelRunner(backendName, backend as KernelBackend),
        inputs['x'] as TensorInfo,
        inputs['dy'] as TensorInfo,
        attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs,
      ),
  };
}
