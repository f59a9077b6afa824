import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { assertShape, type ImageShape, type Shape } from '@residual/shapes';
import { Sym } from '../layers/sym.js';

/** The shape of one input image, `[H, W, C]` (NHWC without the batch). */
export type ImageSize = readonly [height: number, width: number, channels: number];

/** What the model builders accept. */
export interface ResNetOptions {
  /** classes of the final `fc` layer (default 1000 for ImageNet models, 10 for CIFAR models) */
  numClasses?: number;
  /** `[H, W, C]` of one input image (default `[224, 224, 3]` ImageNet, `[32, 32, 3]` CIFAR) */
  inputShape?: ImageSize;
  /** initialiser seed: the same seed gives the same weights on every run and backend */
  seed?: number;
}

/**
 * Everything needed to rebuild a model: plain JSON, so a checkpoint can store it and
 * `buildModel(config.name, config)` can rebuild the same architecture.
 */
export interface ResNetConfig {
  /** the registered model name, e.g. `'resnet20'` */
  name: string;
  numClasses: number;
  inputShape: [number, number, number];
  /** present when the weights were seeded */
  seed?: number;
}

/**
 * A built model: its config, the TF.js `LayersModel`, its input and output as typed symbolic
 * tensors, and a `predict` that checks the input shape first. The type parameters are the shapes
 * the compiler computed: `resnet50()` is a `ResNetModel<[number, 224, 224, 3], [number, 1000]>`.
 *
 * @example
 * ```ts
 * const model = resnet50({ numClasses: 10 });
 * type Logits = ShapeOf<typeof model.output>; // [number, 10]
 * ```
 */
export interface ResNetModel<InputShape extends Shape = ImageShape, OutputShape extends Shape = [number, number]> {
  /** the registered model name, e.g. `'resnet20'` */
  readonly name: string;
  /** plain JSON that rebuilds this architecture: `buildModel(config.name, config)` */
  readonly config: ResNetConfig;
  /** the TF.js model (train it with `fit`, a custom loop, or read its layers) */
  readonly layersModel: tfl.LayersModel;
  /** `[H, W, C]` of one input image */
  readonly inputShape: readonly [number, number, number];
  /** the model's input, `[N, H, W, C]` (`ShapeOf<typeof model.input>` gives the compile-time shape) */
  readonly input: Sym<InputShape>;
  /** the model's logits, `[N, numClasses]` (`ShapeOf<typeof model.output>` gives the compile-time shape) */
  readonly output: Sym<OutputShape>;
  /**
   * Logits for a batch of images; throws a `ShapeError` naming the expected shape when the
   * input does not fit.
   *
   * @param x - `[N, H, W, C]`
   * @returns `[N, numClasses]` logits
   */
  predict(x: tf.Tensor): tf.Tensor2D;
  /** Frees the weights (GPU or CPU memory). */
  dispose(): void;
}

/** Wraps a built `LayersModel` (one input, one output) as a {@link ResNetModel}. */
export function wrapModel(config: ResNetConfig, layersModel: tfl.LayersModel): ResNetModel {
  const [height, width, channels] = config.inputShape;
  const [images] = layersModel.inputs;
  const [logits] = layersModel.outputs;
  if (images === undefined || logits === undefined || layersModel.inputs.length !== 1 || layersModel.outputs.length !== 1) {
    throw new Error(`wrapModel: ${config.name} must have one input and one output, but got ${layersModel.inputs.length} and ${layersModel.outputs.length}. This is a bug in @residual/core.`);
  }
  return {
    name: config.name,
    config,
    layersModel,
    inputShape: config.inputShape,
    input: new Sym(images),
    output: new Sym(logits),
    predict(x: tf.Tensor): tf.Tensor2D {
      const [, gotH, gotW, gotC] = x.shape;
      const rebuild =
        x.rank === 4 ? ` or build the model with inputShape: [${gotH}, ${gotW}, ${gotC}]` : '';
      assertShape(
        `${config.name}.predict`,
        'input',
        [null, height, width, channels],
        x.shape,
        `Pass a batch of ${height}×${width} images with ${channels} channels (NHWC)${rebuild}.`,
      );
      // TF.js layers cannot predict an empty batch ("Pass at least one tensor to concat"): no images, no rows.
      if (x.shape[0] === 0) return tf.zeros([0, config.numClasses]);
      return layersModel.predict(x) as tf.Tensor2D;
    },
    dispose(): void {
      layersModel.dispose();
    },
  };
}
