import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { pool2dOutputShape } from '@residual/shapes';

/** Constructor arguments of {@link PaddedMaxPool2d}. */
export interface PaddedMaxPool2dArgs {
  poolSize: [number, number];
  strides: [number, number];
  /** zeros of padding per side; padded positions never win (as PyTorch's −∞ padding) */
  padding: number;
  name?: string;
}

/**
 * Max pooling with numeric padding P on every side, which `tf.layers.maxPooling2d` lacks. It runs
 * `tf.maxPool` with `pad = P`: TF.js skips positions outside the input, which equals PyTorch's
 * padding with −∞ (a padded position never wins; PyTorch requires P ≤ K/2, so every window holds
 * at least one real value). Output: floor((H + 2P − K) / S) + 1. `maxPool2d` uses it for a
 * numeric padding; it is registered for TF.js serialisation.
 *
 * @example
 * ```ts
 * const pool = new PaddedMaxPool2d({ poolSize: [3, 3], strides: [2, 2], padding: 1 });
 * pool.apply(tf.zeros([1, 112, 112, 64])); // shape [1, 56, 56, 64]
 * ```
 */
export class PaddedMaxPool2d extends tfl.layers.Layer {
  static readonly className = 'ResidualPaddedMaxPool2d';
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: number;

  constructor(args: PaddedMaxPool2dArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.poolSize = args.poolSize;
    this.strides = args.strides;
    this.padding = args.padding;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const options = { poolSize: this.poolSize, strides: this.strides, padding: this.padding };
    return pool2dOutputShape(shape, options, 'maxPool2d');
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    return tf.maxPool(x, this.poolSize, this.strides, this.padding);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }
}

tf.serialization.registerClass(PaddedMaxPool2d);
