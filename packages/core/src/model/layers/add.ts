import * as tfl from '@tensorflow/tfjs-layers';
import { addOutputShape, type AddOutput, type Checked, type Poisoned, type Shape, type UnknownDims } from '@residual/shapes';
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
export function add<MainShape extends Shape, ShortcutShape extends Shape>(
  main: Sym<MainShape>,
  shortcut: Checked<AddOutput<MainShape, ShortcutShape>, Sym<ShortcutShape>>,
  options: { name?: string } = {},
): Sym<Poisoned<AddOutput<MainShape, ShortcutShape>, UnknownDims<MainShape>>> {
  const second = shortcut as Sym;
  addOutputShape(main.shape, second.shape);
  const layer = tfl.layers.add({ name: layerName('add', options.name) });
  return applyLayer(layer, [main, second]);
}
