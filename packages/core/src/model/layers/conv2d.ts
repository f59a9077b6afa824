import * as tfl from '@tensorflow/tfjs-layers';
import {
  conv2dOutputShape,
  formatShape,
  ShapeError,
  shapeErrorMessage,
  pair,
  type Checked,
  type Conv2dOutput,
  type ImageRankError,
  type ImageShape,
  type PairOption,
  type Padding,
  type Poisoned,
  type Shape,
} from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName, layerSeed } from './scope.js';
import type { Sym } from './sym.js';

/** Options of {@link conv2d}. */
export interface Conv2dOptions {
  /** output channels C′ */
  filters: number;
  /** window K, or [K_h, K_w] */
  kernelSize: PairOption;
  /** step S (default 1), or [S_h, S_w] */
  strides?: PairOption;
  /** `'same'` (ceil(H/S)), `'valid'` (default; floor((H−K)/S)+1) or P zeros per side (PyTorch) */
  padding?: Padding;
  /** dilation D (default 1); TF.js cannot combine it with a stride */
  dilationRate?: PairOption;
  /** add a bias (default true); convs followed by batchNorm pass false, as torchvision */
  useBias?: boolean;
  /** layer name (default `conv2d_<n>`) */
  name?: string;
}

/** True when numeric padding P equals TF's symmetric 'same' padding: stride 1, odd K′, P = (K′−1)/2. */
function sameEquivalent(options: Conv2dOptions, pad: number): boolean {
  const [strideH, strideW] = pair(options.strides ?? 1);
  const [kernelH, kernelW] = pair(options.kernelSize);
  const [dilationH, dilationW] = pair(options.dilationRate ?? 1);
  return (
    strideH === 1 &&
    strideW === 1 &&
    dilationH * (kernelH - 1) === 2 * pad &&
    dilationW * (kernelW - 1) === 2 * pad
  );
}

/**
 * A 2-D convolution. Weights: He normal with fan-out (torchvision's `kaiming_normal_(mode=
 * 'fan_out', nonlinearity='relu')`), seeded by the build scope; bias like PyTorch's default
 * (uniform ±1/√fan-in). A numeric padding P pads P zeros on each side, then runs a 'valid'
 * convolution: exactly PyTorch's `Conv2d(padding=P)` (when it equals TF's 'same' — stride 1,
 * P = (K − 1)/2 — the cheaper 'same' is used; both give the same numbers).
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, kernelSize, strides, padding, dilationRate, useBias, name
 * @returns `[N, H′, W′, filters]`
 * @example
 * ```ts
 * const x = input([224, 224, 3]);
 * const stem = conv2d(x, { filters: 64, kernelSize: 7, strides: 2, padding: 3, useBias: false });
 * // Sym<[number, 112, 112, 64]>
 * ```
 */
export function conv2d<InShape extends Shape, const Options extends Conv2dOptions>(
  x: Checked<ImageRankError<InShape, 'conv2d'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, Conv2dOutput<InShape, Options>>, Options>,
): Sym<Poisoned<Conv2dOutput<InShape, Options>, ImageShape>> {
  return conv2dLayer(x as Sym, options as Conv2dOptions) as Sym<Poisoned<Conv2dOutput<InShape, Options>, ImageShape>>;
}

/**
 * The window error of a layer (kernel too large, stride with dilation), reported on its options;
 * `never` when the input's rank is wrong (that error is reported on the input).
 */
export type WindowError<InShape extends Shape, Result> = [ImageRankError<InShape, ''>] extends [never] ? Result : never;

function conv2dLayer(x: Sym, options: Conv2dOptions): Sym<ImageShape> {
  conv2dOutputShape(x.shape, options);
  const name = layerName('conv2d', options.name);
  const { filters, kernelSize, strides = 1, padding = 'valid', dilationRate = 1, useBias = true } = options;
  const [kernelH, kernelW] = pair(kernelSize);
  const inChannels = x.shape[3];
  if (inChannels == null) {
    throw new ShapeError(shapeErrorMessage('conv2d', `input channels must be known, but got ${formatShape(x.shape)}`, 'give input() the number of channels'));
  }
  let source = x;
  let layerPadding: 'same' | 'valid' = padding === 'same' ? 'same' : 'valid';
  if (typeof padding === 'number' && padding > 0) {
    if (sameEquivalent(options, padding)) {
      layerPadding = 'same';
    } else {
      const pad = tfl.layers.zeroPadding2d({ padding: [[padding, padding], [padding, padding]], name: `${name}.pad` });
      source = applyLayer(pad, x);
    }
  }
  const fanOut = kernelH * kernelW * filters;
  const fanIn = kernelH * kernelW * inChannels;
  const layer = tfl.layers.conv2d({
    filters,
    kernelSize: [kernelH, kernelW],
    strides: pair(strides),
    dilationRate: pair(dilationRate),
    padding: layerPadding,
    useBias,
    name,
    kernelInitializer: tfl.initializers.randomNormal({ mean: 0, stddev: Math.sqrt(2 / fanOut), seed: layerSeed(name) }),
    biasInitializer: tfl.initializers.randomUniform({
      minval: -1 / Math.sqrt(fanIn),
      maxval: 1 / Math.sqrt(fanIn),
      seed: layerSeed(name, 'bias'),
    }),
  });
  return applyLayer(layer, source);
}
