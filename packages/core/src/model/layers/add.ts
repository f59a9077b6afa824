import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { addOutputShape, type AddOutput, type Checked, type Poisoned, type Shape, type UnknownDims } from '@residual/shapes';
import { addTraining } from './add-training.js';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import { stockLayerClass } from './stock-layer-class.js';
import type { Sym } from './sym.js';

type StockAdd = ReturnType<typeof tfl.layers.add>;
type AddArgs = NonNullable<Parameters<typeof tfl.layers.add>[0]>;
type StockAddClass = new (args: AddArgs) => StockAdd;

/**
 * tfjs-layers' `Add` whose training mode, for two inputs of one shape (the residual add), runs
 * through {@link addTraining}: its gradient keeps neither input (TF.js's keeps both, for their
 * shapes), the same numbers with one activation fewer alive per block. It is an `Add` in every
 * other way: the class name, config and inference (a saved model loads as tfjs-layers' own `Add`).
 *
 * @example
 * ```ts
 * new ResidualAdd({ name: 'add' }).apply([tf.ones([2, 4, 4, 8]), tf.ones([2, 4, 4, 8])], { training: true }); // twos
 * ```
 */
export class ResidualAdd extends stockLayerClass<StockAddClass>('Add', 'add') {
  override call(...[inputs, kwargs]: Parameters<StockAdd['call']>): tf.Tensor | tf.Tensor[] {
    const [main, shortcut, ...more] = Array.isArray(inputs) ? inputs : [inputs];
    if (kwargs['training'] !== true || main === undefined || shortcut === undefined || more.length > 0 || main.shape.join() !== shortcut.shape.join()) {
      return super.call(inputs, kwargs);
    }
    return addTraining(main, shortcut); // [N, H, W, C]
  }
}

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
  const layer = new ResidualAdd({ name: layerName('add', options.name) });
  return applyLayer(layer, [main, second]);
}
