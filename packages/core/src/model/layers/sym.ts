import type * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';

declare const shapeKey: unique symbol;

/**
 * A symbolic tensor whose shape the compiler knows: `Sym<[number, 32, 32, 64]>` is a batch of
 * 32×32 feature maps with 64 channels (NHWC). It wraps a TF.js `SymbolicTensor` (`tensor`), the
 * node of the layer graph that `tf.model({ inputs, outputs })` turns into a `LayersModel`.
 *
 * @example
 * ```ts
 * const x = input([32, 32, 3]);               // Sym<[number, 32, 32, 3]>
 * const y = conv2d(x, { filters: 16, kernelSize: 3, padding: 1 }); // Sym<[number, 32, 32, 16]>
 * y.tensor.shape;                              // [null, 32, 32, 16]
 * ```
 */
export class Sym<SymShape extends Shape = Shape> {
  /** Type-only: the compile-time shape (absent at run time; read {@link Sym.shape}). */
  declare readonly [shapeKey]: SymShape;

  /** @param tensor - the TF.js symbolic tensor this wraps */
  constructor(readonly tensor: tfl.SymbolicTensor) {}

  /** The run-time shape, `null` where unknown (the batch): e.g. `[null, 32, 32, 64]`. */
  get shape(): readonly (number | null)[] {
    return this.tensor.shape;
  }
}

/**
 * The compile-time shape of a symbolic tensor.
 *
 * @example
 * ```ts
 * const x = input([32, 32, 3]);
 * type XShape = ShapeOf<typeof x>; // [number, 32, 32, 3]
 * ```
 */
export type ShapeOf<Value> = Value extends Sym<infer SymShape> ? SymShape : never;
