import * as tf from '@tensorflow/tfjs-core';
import type {
  DepthwiseConv2dNativeBackpropInputAttrs,
  KernelBackend,
  KernelConfig,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { dilateSpatial } from './dilate-spatial.js';
import { KernelRunner } from './kernel-runner.js';

/**
 * The input gradient of a depthwise convolution, as one stride-1 depthwise convolution of `dy`
 * spread apart by the stride with the spatially flipped filter, then a sum over the channel
 * multiplier `M`: `dx[n, h, w, c] = Σ_{kh, kw, m} dy[n, oh, ow, c·M + m] · W[kh, kw, c, m]`.
 *
 * @param dy - gradient of the forward output, `[N, OH, OW, C·M]`.
 * @param filter - the forward filter, `[KH, KW, C, M]`.
 * @param attrs - the forward strides, dilations, padding and input shape `[N, H, W, C]`.
 * @returns the input gradient, `[N, H, W, C]`.
 * @example
 * const dx = depthwiseBackpropInput(new KernelRunner('wasm', backend), dy, filter, attrs);
 */
export function depthwiseBackpropInput(
  run: KernelRunner,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: DepthwiseConv2dNativeBackpropInputAttrs,
): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  const { padInfo, batchSize, inHeight, inWidth, inChannels, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, dilationHeight, dilationWidth } = info;
  const [, , , multiplier = 1] = filter.shape;
  const flipped = run.run('Reverse', { x: filter }, { dims: [0, 1] });
  const flat = run.reshape(flipped, [filterHeight, filterWidth, inChannels * multiplier, 1]);
  const dilated = dilateSpatial(run, dy, strideHeight, strideWidth); // [N, OH·sh, OW·sw, C·M]
  const spanHeight = (filterHeight - 1) * dilationHeight + 1;
  const spanWidth = (filterWidth - 1) * dilationWidth + 1;
  const top = spanHeight - 1 - padInfo.top;
  const left = spanWidth - 1 - padInfo.left;
  const [, dilatedHeight = 0, dilatedWidth = 0] = dilated.shape;
  const fitted = run.cropNegative(dilated, [
    [0, 0],
    [top, inHeight + spanHeight - 1 - top - dilatedHeight],
    [left, inWidth + spanWidth - 1 - left - dilatedWidth],
    [0, 0],
  ]);
  const spread = run.run(
    'DepthwiseConv2dNative',
    { x: fitted.x, filter: flat },
    { strides: [1, 1], dilations: [dilationHeight, dilationWidth], pad: fitted.pad, dataFormat: 'NHWC' },
  ); // [N, H, W, C·M]
  run.dispose(flipped, flat);
  if (dilated !== dy) run.dispose(dilated);
  if (fitted.owned) run.dispose(fitted.x);
  if (multiplier === 1) return spread;
  const split = run.reshape(spread, [batchSize, inHeight, inWidth, inChannels, multiplier]);
  const dx = run.run('Sum', { x: split }, { axis: [4], keepDims: false }); // [N, H, W, C]
  run.dispose(spread, split);
  return dx;
}

/**
 * A `DepthwiseConv2dNativeBackpropInput` kernel for `backendName` (wasm ships none).
 *
 * @param backendName - e.g. `'wasm'`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(depthwiseBackpropInputConfig('wasm'));
 */
export function depthwiseBackpropInputConfig(backendName: string): KernelConfig {
  return {
    kernelName: tf.DepthwiseConv2dNativeBackpropInput,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) =>
      depthwiseBackpropInput(
        new KernelRunner(backendName, backend as KernelBackend),
        inputs['dy'] as TensorInfo,
        inputs['filter'] as TensorInfo,
        attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs,
      ),
  };
}
