import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DBackpropFilterAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { runnerKernel, type KernelRunner } from './kernel-runner.js';

/**
 * The filter gradient of a 2-D convolution, as one forward convolution the backend already runs fast.
 *
 * Filter tap (kh, kw) of the forward pass met input row `oh·s + kh − top`, so
 * `dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·s + kh − top, ow·s + kw − left, ci] · dy[n, oh, ow, co]`.
 * Read with the batch `n` as the channel being summed, that is a convolution of the transposed input
 * `[Cin, H, W, N]` with the transposed output gradient `[OH, OW, N, Cout]` as its filter, dilated by
 * the forward stride; its output `[Cin, KH, KW, Cout]` is the gradient up to one transpose.
 *
 * @param x - forward input, `[N, H, W, Cin]` (or NCHW when `dataFormat` says so).
 * @param dy - gradient of the forward output, `[N, OH, OW, Cout]`.
 * @param attrs - the forward convolution's strides, padding and the filter shape `[KH, KW, Cin, Cout]`.
 * @returns the filter gradient, `[KH, KW, Cin, Cout]`.
 * @example
 * const dW = conv2dBackpropFilter(new KernelRunner('wasm', backend), x, dy, attrs);
 */
export function conv2dBackpropFilter(
  run: KernelRunner,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
): TensorInfo {
  const channelsFirst = attrs.dataFormat === 'NCHW';
  const xNhwc = channelsFirst ? run.transpose(x, [0, 2, 3, 1]) : x; // [N, H, W, Cin]
  const dyNhwc = channelsFirst ? run.transpose(dy, [0, 2, 3, 1]) : dy; // [N, OH, OW, Cout]
  const info = tf.backend_util.computeConv2DInfo(
    xNhwc.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { padInfo, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, inHeight, inWidth } = info;
  // Padded rows and columns the forward convolution actually read.
  const extentHeight = (outHeight - 1) * strideHeight + filterHeight;
  const extentWidth = (outWidth - 1) * strideWidth + filterWidth;
  const xT = run.transpose(xNhwc, [3, 1, 2, 0]); // [Cin, H, W, N]
  const fitted = run.cropNegative(xT, [
    [0, 0],
    [padInfo.top, extentHeight - padInfo.top - inHeight],
    [padInfo.left, extentWidth - padInfo.left - inWidth],
    [0, 0],
  ]);
  const dyT = run.transpose(dyNhwc, [1, 2, 0, 3]); // [OH, OW, N, Cout]
  const grad = run.run(
    'Conv2D',
    { x: fitted.x, filter: dyT },
    { strides: [1, 1], dilations: [strideHeight, strideWidth], pad: fitted.pad, dataFormat: 'NHWC' },
  ); // [Cin, KH, KW, Cout]
  const dW = run.transpose(grad, [1, 2, 0, 3]); // [KH, KW, Cin, Cout]
  run.dispose(xT, dyT, grad);
  if (fitted.owned) run.dispose(fitted.x);
  if (channelsFirst) run.dispose(xNhwc, dyNhwc);
  return dW;
}

/**
 * A `Conv2DBackpropFilter` kernel for `backendName`, built on that backend's own `Conv2D`.
 *
 * @param backendName - e.g. `'wasm'` (which ships none) or `'cpu'` (whose own is slow).
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dBackpropFilterConfig('wasm'));
 */
export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.Conv2DBackpropFilter, backendName, (run, inputs, attrs) =>
    conv2dBackpropFilter(run, inputs['x'] as TensorInfo, inputs['dy'] as TensorInfo, attrs as unknown as Conv2DBackpropFilterAttrs),
  );
}
