import * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/**
 * The rectifier max(0, x), element-wise.
 *
 * @param x - any shape
 * @param options - `name` (default `relu_<n>`)
 * @returns the same shape
 * @example
 * ```ts
 * const y = relu(batchNorm(conv2d(x, { filters: 16, kernelSize: 3, padding: 1 })));
 * ```
 */
export function relu<InShape extends Shape>(x: Sym<InShape>, options: { name?: string } = {}): Sym<InShape> {
  const layer = tfl.layers.reLU({ name: layerName('relu', options.name) });
  return applyLayer(layer, x);
}
