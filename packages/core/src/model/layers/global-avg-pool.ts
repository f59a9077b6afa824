import * as tfl from '@tensorflow/tfjs-layers';
import { globalPoolOutputShape, type Checked, type GlobalPoolOutput, type Poisoned, type Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/**
 * The mean of each channel over all positions: `[N, H, W, C]` → `[N, C]` (ResNet's `avgpool`
 * before `fc`).
 *
 * @param x - `[N, H, W, C]`
 * @returns `[N, C]`
 * @example
 * ```ts
 * const features = globalAvgPool(x); // [number, 7, 7, 512] → [number, 512]
 * ```
 */
export function globalAvgPool<InShape extends Shape>(
  x: Checked<GlobalPoolOutput<InShape>, Sym<InShape>>,
  options: { name?: string } = {},
): Sym<Poisoned<GlobalPoolOutput<InShape>, [number, number]>> {
  const source = x as Sym;
  globalPoolOutputShape(source.shape);
  const layer = tfl.layers.globalAveragePooling2d({ name: layerName('global_avg_pool', options.name) });
  return applyLayer(layer, source);
}
