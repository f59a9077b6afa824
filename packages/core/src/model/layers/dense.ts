import * as tfl from '@tensorflow/tfjs-layers';
import { denseOutputShape, formatShape, ShapeError, shapeErrorMessage, type Checked, type DenseOutput, type Poisoned, type Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName, layerSeed } from './scope.js';
import type { Sym } from './sym.js';

/** Options of {@link dense}. */
export interface DenseOptions {
  /** output features */
  units: number;
  /** `'linear'` (default: logits), `'relu'` or `'softmax'` */
  activation?: 'linear' | 'relu' | 'softmax';
  /** add a bias (default true) */
  useBias?: boolean;
  /** layer name (default `dense_<n>`) */
  name?: string;
}

/**
 * A fully connected layer. Weights and bias start uniform in ±1/√fan-in, as PyTorch's
 * `nn.Linear` (torchvision's ResNet `fc`), seeded by the build scope.
 *
 * @param x - `[N, features]`
 * @returns `[N, units]`
 * @example
 * ```ts
 * const logits = dense(globalAvgPool(x), { units: 10 }); // [number, 10]
 * ```
 */
export function dense<InShape extends Shape, const Options extends DenseOptions>(
  x: Checked<DenseOutput<InShape, Options['units']>, Sym<InShape>>,
  options: Options,
): Sym<Poisoned<DenseOutput<InShape, Options['units']>, [number, number]>> {
  return denseLayer(x as Sym, options) as Sym<Poisoned<DenseOutput<InShape, Options['units']>, [number, number]>>;
}

function denseLayer(x: Sym, options: DenseOptions): Sym<[number, number]> {
  denseOutputShape(x.shape, options.units);
  const name = layerName('dense', options.name);
  const features = x.shape[1];
  if (features == null) {
    throw new ShapeError(shapeErrorMessage('dense', `input features must be known, but got ${formatShape(x.shape)}`, 'give input() the feature size'));
  }
  const bound = 1 / Math.sqrt(features); // PyTorch's nn.Linear: ±1/√fan-in
  const layer = tfl.layers.dense({
    units: options.units,
    activation: options.activation ?? 'linear',
    useBias: options.useBias ?? true,
    name,
    kernelInitializer: tfl.initializers.randomUniform({ minval: -bound, maxval: bound, seed: layerSeed(name) }),
    biasInitializer: tfl.initializers.randomUniform({ minval: -bound, maxval: bound, seed: layerSeed(name, 'bias') }),
  });
  return applyLayer(layer, x);
}
