import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  zeroPadOutputShape,
  type Checked,
  type ImageRankError,
  type ImageShape,
  type Poisoned,
  type Shape,
  type ZeroPadOptions,
  type ZeroPadOutput,
} from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import type { WindowError } from './conv2d.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/** Constructor arguments of {@link ZeroPadShortcut}. */
export interface ZeroPadShortcutArgs {
  /** output channels: the input's, then zeros */
  channels: number;
  /** keep every `strides`-th row and column */
  strides: number;
  name?: string;
}

/**
 * The paper's option A shortcut as a TF.js layer (He et al. 2015, §3.3): "the shortcut still
 * performs identity mapping, with extra zero entries padded for increasing dimensions", and "when
 * the shortcuts go across feature maps of two sizes, they are performed with a stride of 2". No
 * parameters. Subsampling is a 1×1 average pool with the stride (as fb.resnet.torch's
 * `SpatialAveragePooling(1, 1, stride, stride)`), so every backend has its gradient; the zeros are
 * added after the input's channels. Registered for TF.js serialisation.
 *
 * @example
 * ```ts
 * const shortcut = new ZeroPadShortcut({ channels: 32, strides: 2 });
 * shortcut.apply(tf.ones([1, 32, 32, 16])); // shape [1, 16, 16, 32]: ones in channels 0–15, zeros after
 * ```
 */
export class ZeroPadShortcut extends tfl.layers.Layer {
  static readonly className = 'ResidualZeroPadShortcut';
  readonly channels: number;
  readonly strides: number;

  constructor(args: ZeroPadShortcutArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.channels = args.channels;
    this.strides = args.strides;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    return zeroPadOutputShape(shape, { channels: this.channels, strides: this.strides });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D; // [N, H, W, C]
    return tf.tidy(() => {
      const subsampled = this.strides === 1 ? x : tf.avgPool(x, 1, this.strides, 'valid'); // [N, ⌈H/S⌉, ⌈W/S⌉, C]
      const extra = this.channels - x.shape[3];
      return extra === 0 ? subsampled : tf.pad(subsampled, [[0, 0], [0, 0], [0, 0], [0, extra]]); // [N, ⌈H/S⌉, ⌈W/S⌉, channels]
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), channels: this.channels, strides: this.strides };
  }
}

tf.serialization.registerClass(ZeroPadShortcut);

/** Options of {@link zeroPadShortcut}. */
export interface ZeroPadShortcutOptions extends ZeroPadOptions {
  /** layer name (default `zero_pad_<n>`) */
  name?: string;
}

/**
 * The parameter-free shortcut of the paper's CIFAR networks (option A): keep every `strides`-th row
 * and column, then pad the channels with zeros up to `channels`. Use it where a block changes
 * the shape and you want no projection; fewer channels than the input is a compile-time error
 * (and a run-time `ShapeError`).
 *
 * @param x - `[N, H, W, C]`
 * @param options - `channels` (≥ C), `strides` (default 1), `name`
 * @returns `[N, ⌈H/S⌉, ⌈W/S⌉, channels]`
 * @example
 * ```ts
 * const x = input([32, 32, 16]);
 * const shortcut = zeroPadShortcut(x, { channels: 32, strides: 2 }); // Sym<[number, 16, 16, 32]>
 * ```
 */
export function zeroPadShortcut<InShape extends Shape, const Options extends ZeroPadShortcutOptions>(
  x: Checked<ImageRankError<InShape, 'zeroPadShortcut'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, ZeroPadOutput<InShape, Options>>, Options>,
): Sym<Poisoned<ZeroPadOutput<InShape, Options>, ImageShape>> {
  return zeroPadLayer(x as Sym, options as ZeroPadShortcutOptions) as Sym<Poisoned<ZeroPadOutput<InShape, Options>, ImageShape>>;
}

function zeroPadLayer(x: Sym, options: ZeroPadShortcutOptions): Sym<ImageShape> {
  const { channels, strides = 1 } = options;
  zeroPadOutputShape(x.shape, { channels, strides });
  return applyLayer(new ZeroPadShortcut({ channels, strides, name: layerName('zero_pad', options.name) }), x);
}
