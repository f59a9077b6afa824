import * as tfl from '@tensorflow/tfjs-layers';
import { flattenOutputShape, type Checked, type FlattenOutput, type Poisoned, type Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/**
 * Flattens every example into a vector: `[N, H, W, C]` → `[N, H·W·C]`.
 *
 * @param x - `[N, d1, d2, …]`
 * @returns `[N, d1·d2·…]`
 * @example
 * ```ts
 * const vector = flatten(input([28, 28, 1])); // Sym<[number, 784]>
 * ```
 */
export function flatten<InShape extends Shape>(
  x: Checked<FlattenOutput<InShape>, Sym<InShape>>,
  options: { name?: string } = {},
): Sym<Poisoned<FlattenOutput<InShape>, [number, number]>> {
  const source = x as Sym;
  flattenOutputShape(source.shape);
  const layer = tfl.layers.flatten({ name: layerName('flatten', options.name) });
  return applyLayer(layer, source);
}
