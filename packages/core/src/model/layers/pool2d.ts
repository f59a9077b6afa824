import * as tfl from '@tensorflow/tfjs-layers';
import {
  pair,
  pool2dOutputShape,
  type Checked,
  type ImageRankError,
  type ImageShape,
  type PairOption,
  type Padding,
  type Poisoned,
  type Pool2dOutput,
  type Shape,
} from '@residual/shapes';
import type { WindowError } from './conv2d.js';
import { applyLayer } from './apply-layer.js';
import { PaddedMaxPool2d } from './padded-max-pool-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/** Options of {@link maxPool2d} and {@link avgPool2d}. */
export interface Pool2dOptions {
  /** window K, or [K_h, K_w] */
  poolSize: PairOption;
  /** step S (default = poolSize) */
  strides?: PairOption;
  /** `'same'`, `'valid'` (default) or P per side (P ≤ K/2, PyTorch's rule) */
  padding?: Padding;
  /** layer name (default `max_pool_<n>` / `avg_pool_<n>`) */
  name?: string;
}

/**
 * Max pooling over K×K windows. Numeric padding P behaves as PyTorch's `MaxPool2d(padding=P)`:
 * padded positions never win (−∞ padding).
 *
 * @param x - `[N, H, W, C]`
 * @returns `[N, H′, W′, C]`
 * @example
 * ```ts
 * const pooled = maxPool2d(stem, { poolSize: 3, strides: 2, padding: 1 }); // 112×112 → 56×56
 * ```
 */
export function maxPool2d<InShape extends Shape, const Options extends Pool2dOptions>(
  x: Checked<ImageRankError<InShape, 'maxPool2d'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, Pool2dOutput<InShape, Options, 'maxPool2d'>>, Options>,
): Sym<Poisoned<Pool2dOutput<InShape, Options, 'maxPool2d'>, ImageShape>> {
  return maxPoolLayer(x as Sym, options as Pool2dOptions) as Sym<Poisoned<Pool2dOutput<InShape, Options, 'maxPool2d'>, ImageShape>>;
}

function maxPoolLayer(x: Sym, options: Pool2dOptions): Sym<ImageShape> {
  const { poolSize, strides = poolSize, padding = 'valid' } = options;
  pool2dOutputShape(x.shape, { poolSize, strides, padding }, 'maxPool2d');
  const name = layerName('max_pool', options.name);
  if (typeof padding === 'number' && padding > 0) {
    return applyLayer(new PaddedMaxPool2d({ poolSize: pair(poolSize), strides: pair(strides), padding, name }), x);
  }
  const layerPadding = padding === 'same' ? 'same' : 'valid';
  return applyLayer(tfl.layers.maxPooling2d({ poolSize: pair(poolSize), strides: pair(strides), padding: layerPadding, name }), x);
}

/**
 * Average pooling over K×K windows. Numeric padding P pads P zeros per side and averages over
 * the whole window, zeros included: PyTorch's default `AvgPool2d(padding=P)`
 * (`count_include_pad=True`). With `'same'` it is TensorFlow's rule: padded positions are left
 * out of the average.
 *
 * @param x - `[N, H, W, C]`
 * @returns `[N, H′, W′, C]`
 * @example
 * ```ts
 * const pooled = avgPool2d(x, { poolSize: 2 }); // 32×32 → 16×16
 * ```
 */
export function avgPool2d<InShape extends Shape, const Options extends Pool2dOptions>(
  x: Checked<ImageRankError<InShape, 'avgPool2d'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, Pool2dOutput<InShape, Options, 'avgPool2d'>>, Options>,
): Sym<Poisoned<Pool2dOutput<InShape, Options, 'avgPool2d'>, ImageShape>> {
  return avgPoolLayer(x as Sym, options as Pool2dOptions) as Sym<Poisoned<Pool2dOutput<InShape, Options, 'avgPool2d'>, ImageShape>>;
}

function avgPoolLayer(x: Sym, options: Pool2dOptions): Sym<ImageShape> {
  const { poolSize, strides = poolSize, padding = 'valid' } = options;
  pool2dOutputShape(x.shape, { poolSize, strides, padding }, 'avgPool2d');
  const name = layerName('avg_pool', options.name);
  let source = x;
  if (typeof padding === 'number' && padding > 0) {
    source = applyLayer(tfl.layers.zeroPadding2d({ padding: [[padding, padding], [padding, padding]], name: `${name}.pad` }), x);
  }
  const layerPadding = padding === 'same' ? 'same' : 'valid';
  return applyLayer(tfl.layers.averagePooling2d({ poolSize: pair(poolSize), strides: pair(strides), padding: layerPadding, name }), source);
}
