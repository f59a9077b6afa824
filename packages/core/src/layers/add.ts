import * as tfl from '@tensorflow/tfjs-layers';
import { addOutputShape, type Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/**
 * Element-wise sum of two tensors of the same shape: the residual connection
 * `y = F(x) + shortcut(x)`. Shapes that differ are a compile-time error (and a run-time
 * `ShapeError`) that names the projection to use.
 *
 * @param main - the residual branch F(x), `[N, H, W, C]`
 * @param shortcut - the shortcut, the same shape
 * @param options - `name` (default `add_<n>`)
 * @returns the same shape
 * @example
 * ```ts
 * const y = relu(add(batchNorm(conv2d(h, { filters: 64, kernelSize: 3, padding: 1, useBias: false })), x));
 * ```
 */
export function add<MainShape extends Shape>(
  main: Sym<MainShape>,
  shortcut: Sym,
  options: { name?: string } = {},
): Sym<MainShape> {
  addOutputShape(main.shape, shortcut.shape);
  const layer = tfl.layers.add({ name: layerName('add', options.name) });
  return applyLayer(layer, [main, shortcut]);
}
