import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { reluTraining } from './relu-training.js';
import { layerName } from './scope.js';
import { stockLayerClass } from './stock-layer-class.js';
import type { Sym } from './sym.js';

type StockReLU = ReturnType<typeof tfl.layers.reLU>;
type ReLUArgs = NonNullable<Parameters<typeof tfl.layers.reLU>[0]>;
type StockReLUClass = new (args: ReLUArgs) => StockReLU;

/**
 * tfjs-layers' `ReLU` whose training mode runs through {@link reluTraining}: its gradient keeps the
 * output instead of the input, the same numbers with one activation fewer alive per ReLU. It is a
 * `ReLU` in every other way: the class name, config and inference (a saved model loads as
 * tfjs-layers' own `ReLU`, which computes the same).
 *
 * @example
 * ```ts
 * new ResidualReLU({ name: 'relu' }).apply(tf.randomNormal([8, 4, 4, 16]), { training: true }); // [8, 4, 4, 16]
 * ```
 */
export class ResidualReLU extends stockLayerClass<StockReLUClass>('ReLU', 'relu') {
  /** The stock layer's optional clip (`min(max(0, x), maxValue)`), which training leaves to it. */
  private readonly clipsAt: number | undefined;

  constructor(args: ReLUArgs = {}) {
    super(args);
    this.clipsAt = args.maxValue;
  }

  override call(...[inputs, kwargs]: Parameters<StockReLU['call']>): tf.Tensor | tf.Tensor[] {
    const [x, ...more] = Array.isArray(inputs) ? inputs : [inputs]; // [N, H, W, C]
    if (kwargs['training'] !== true || x === undefined || more.length > 0 || this.clipsAt != null) return super.call(inputs, kwargs);
    return reluTraining(x);
  }
}

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
  const layer = new ResidualReLU({ name: layerName('relu', options.name) });
  return applyLayer(layer, x);
}
