/**
 * Looking inside the lab's networks: per-block gradient norms (lesson 2's measure) and the feature
 * maps of one image at each stage.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { crossEntropy } from '@residual/core/training';
import { layerWeight } from '../../shared/layer-weight.js';
import { blockNames, stageOutputs } from './lab-models.js';

/**
 * The norm of the loss gradient for each block's first convolution on one batch, in training mode
 * — lesson 2's measure on the lab's networks. The batch norms' running statistics are put back
 * afterwards, so measuring does not change the training.
 *
 * @param model - a CIFAR ResNet or plain twin.
 * @param x - `[N, 32, 32, 3]` normalised images.
 * @param labels - `[N]` int32.
 * @returns the block names and one norm per block, first block first.
 * @example
 * const { blocks, norms } = await blockGradientNorms(model.layersModel, x, labels);
 */
export async function blockGradientNorms(model: tfl.LayersModel, x: tf.Tensor4D, labels: tf.Tensor1D): Promise<{ blocks: string[]; norms: number[] }> {
  const blocks = blockNames(model);
  const running = model.weights.filter((weight) => /moving_(mean|variance)$/.test(weight.originalName));
  const saved = running.map((weight) => tf.clone(weight.read()));
  const norms = tf.tidy(() => {
    const kernels = blocks.map((block) => layerWeight(model.getLayer(`${block}.conv1`), 'kernel').read() as tf.Variable);
    const loss = () => crossEntropy(model.apply(x, { training: true }) as tf.Tensor2D, labels);
    const { grads } = tf.variableGrads(loss, kernels); // ∂loss/∂kernel of each block's conv1
    return tf.stack(kernels.map((kernel) => tf.norm(grads[kernel.name] ?? tf.scalar(Number.NaN)))); // [blocks]
  });
  running.forEach((weight, index) => weight.write(saved[index] as tf.Tensor));
  tf.dispose(saved);
  const values = Array.from(await norms.data());
  norms.dispose();
  return { blocks, norms: values };
}

/** The feature maps of one stage: a few channels as grey images. */
export interface StageMaps {
  /** The layer whose output they are, e.g. `layer2.2.relu`. */
  readonly layer: string;
  readonly height: number;
  readonly width: number;
  /** Channels the stage has in all. */
  readonly channels: number;
  /** The first `shown` channels, each `height × width` grey values 0–255 (each scaled to its own range). */
  readonly maps: Uint8ClampedArray[];
}

const stageModels = new WeakMap<tfl.LayersModel, tfl.LayersModel>();

/**
 * What each stage of a network makes of one image (inference mode): the stem's output and each
 * stage's last block, a few channels each.
 *
 * @param model - a CIFAR ResNet or plain twin.
 * @param image - `[1, 32, 32, 3]` normalised image.
 * @param shown - channels to return per stage.
 * @example
 * const stages = await featureMaps(model.layersModel, x, 8); // 4 stages: 32×32, 32×32, 16×16, 8×8
 */
export async function featureMaps(model: tfl.LayersModel, image: tf.Tensor4D, shown = 8): Promise<StageMaps[]> {
  const names = stageOutputs(model);
  let stages = stageModels.get(model);
  if (stages === undefined) {
    // A second model over the same layers (no new weights): never dispose it, the layers are shared.
    stages = tfl.model({ inputs: model.inputs, outputs: names.map((name) => model.getLayer(name).output as tfl.SymbolicTensor) });
    stageModels.set(model, stages);
  }
  const outputs = stages.predict(image) as tf.Tensor4D[]; // each [1, H, W, C]
  try {
    return await Promise.all(
      outputs.map(async (output, index) => {
        const [, height = 0, width = 0, channels = 0] = output.shape;
        const values = await output.data(); // [1, H, W, C]
        const maps = Array.from({ length: Math.min(shown, channels) }, (_, channel) => {
          let [low, high] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
          for (let pixel = 0; pixel < height * width; pixel += 1) {
            const value = values[pixel * channels + channel] ?? 0;
            [low, high] = [Math.min(low, value), Math.max(high, value)];
          }
          const scale = high > low ? 255 / (high - low) : 0;
          return Uint8ClampedArray.from({ length: height * width }, (_, pixel) => ((values[pixel * channels + channel] ?? 0) - low) * scale);
        });
        return { layer: names[index] ?? '', height, width, channels, maps };
      }),
    );
  } finally {
    tf.dispose(outputs);
  }
}
