import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DBackpropInputAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { dilateSpatial } from './dilate-spatial.js';
import { runnerKernel, type KernelRunner } from './kernel-runner.js';

/**
 * The input gradient of a 2-D convolution (a "transposed convolution"), as one stride-1 forward
 * convolution: spread `dy` apart by the stride (zeros between), then correlate it with the filter
 * flipped in space and with its channel axes swapped.
 *
 * `dx[h] = Σ_kh dyDilated[h + top − kh] · W[kh]`, which is a correlation with `W[KH − 1 − j]`
 * after padding `KH − 1 − top` rows in front.
 *
 * @param dy - gradient of the forward output, `[N, OH, OW, Cout]` (or NCHW).
 * @param filter - the forward filter, `[KH, KW, Cin, Cout]`.
 * @param attrs - the forward strides, padding and input shape.
 * @returns the input gradient, in the shape `attrs.inputShape`.
 * @example
 * const dx = conv2dBackpropInput(new KernelRunner('wasm', backend), dy, filter, attrs);
 */
export function conv2dBackpropInput(
  run: KernelRunner,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
): TensorInfo {
  const channelsFirst = attrs.dataFormat === 'NCHW';
  const [n0, n1, n2, n3] = attrs.inputShape;
  const inShape: [number, number, number, number] = channelsFirst ? [n0, n2, n3, n1] : [n0, n1, n2, n3];
  const dyNhwc = channelsFirst ? run.transpose(dy, [0, 2, 3, 1]) : dy; // [N, OH, OW, Cout]
  const info = tf.backend_util.computeConv2DInfo(
    inShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { padInfo, filterHeight, filterWidth, strideHeight, strideWidth, inHeight, inWidth } = info;
  const flipped = run.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = run.transpose(flipped, [0, 1, 3, 2]); // [KH, KW, Cout, Cin]
  const dilated = dilateSpatial(run, dyNhwc, strideHeight, strideWidth); // [N, OH·sh, OW·sw, Cout]
  const top = filterHeight - 1 - padInfo.top;
  const left = filterWidth - 1 - padInfo.left;
  const [, dilatedHeight = 0, dilatedWidth = 0] = dilated.shape;
  const fitted = run.cropNegative(dilated, [
    [0, 0],
    [top, inHeight + filterHeight - 1 - top - dilatedHeight],
    [left, inWidth + filterWidth - 1 - left - dilatedWidth],
    [0, 0],
  ]);
  const dxNhwc = run.run(
    'Conv2D',
    { x: fitted.x, filter: swapped },
    { strides: [1, 1], dilations: [1, 1], pad: fitted.pad, dataFormat: 'NHWC' },
  ); // [N, H, W, Cin]
  run.dispose(flipped, swapped);
  if (dilated !== dyNhwc) run.dispose(dilated);
  if (fitted.owned) run.dispose(fitted.x);
  if (!channelsFirst) return dxNhwc;
  run.dispose(dyNhwc);
  const dx = run.transpose(dxNhwc, [0, 3, 1, 2]); // [N, Cin, H, W]
  run.dispose(dxNhwc);
  return dx;
}

/**
 * A `Conv2DBackpropInput` kernel for `backendName`, built on that backend's own `Conv2D`.
 *
 * @param backendName - e.g. `'wasm'`, whose own kernel is a plain loop ~6× slower than its `Conv2D`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dBackpropInputConfig('wasm'));
 */
export function conv2dBackpropInputConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.Conv2DBackpropInput, backendName, (run, inputs, attrs) =>
    conv2dBackpropInput(run, inputs['dy'] as TensorInfo, inputs['filter'] as TensorInfo, attrs as unknown as Conv2DBackpropInputAttrs),
  );
}
