import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ChannelStats } from '../data/channel-stats.js';
import type { ImageSplit } from '../data/image-dataset.js';
import { makeBatch } from '../data/make-batch.js';
import { inferenceModel } from '../../engine/inference/inference-model.js';
import { countCorrect, crossEntropy } from './cross-entropy.js';

/** Loss and accuracy over a split, and how each class was classified. */
export interface EvalResult {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
  /** `confusion[trueClass][predictedClass]`: image counts, `[K][K]` for a model of K classes. */
  readonly confusion: number[][];
}

/**
 * Evaluates a model on a whole split with batch normalisation in **inference mode** (the running
 * averages learnt in training, so each image's prediction does not depend on its batch-mates),
 * through {@link inferenceModel}: each batch norm folded into its convolution.
 *
 * @param model - the TF.js model.
 * @param split - images `[count, H, W, C]` as bytes.
 * @param options - image shape, normalisation stats and batch size.
 * @returns mean loss and accuracy, and the confusion matrix.
 * @throws Error for a split of 0 images (no accuracy to report).
 * @example
 * const { accuracy } = await evaluate(model.layersModel, data.test, { imageShape: [32, 32, 3], stats, batchSize: 256 });
 */
export async function evaluate(
  model: tfl.LayersModel,
  split: ImageSplit,
  options: { imageShape: readonly [number, number, number]; stats: ChannelStats; batchSize: number },
): Promise<EvalResult> {
  if (split.count === 0) {
    throw new Error('evaluate: the split must hold at least one image, but got 0. An accuracy over no images means nothing: evaluate on a split with images.');
  }
  let lossSum = 0;
  let correctSum = 0;
  const [height, width, channels] = options.imageShape;
  const classes = (model.outputs[0]?.shape.at(-1) ?? null) as number | null;
  if (classes === null) throw new Error('evaluate: the model must end in a layer of K class scores, but its output shape has no last dimension. Pass a classifier.');
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const inference = inferenceModel(model);
  try {
    for (let start = 0; start < split.count; start += options.batchSize) {
      const indices = Array.from({ length: Math.min(options.batchSize, split.count - start) }, (_, i) => start + i);
      const batch = makeBatch(split, indices, { imageShape: options.imageShape, stats: options.stats });
      const totals = tf.tidy(() => {
        const x = tf.tensor4d(batch.pixels, [indices.length, height, width, channels]); // [N, H, W, C]
        const labels = tf.tensor1d(batch.labels, 'int32');
        const logits = inference.predict(x) as tf.Tensor2D; // [N, K]
        const sums = tf.stack([tf.mul(crossEntropy(logits, labels), indices.length), countCorrect(logits, labels)]); // [2]
        return tf.concat([sums, tf.cast(tf.argMax(logits, 1), 'float32')]); // [2 + N]: one read-back per batch
      });
      const values = await totals.data();
      totals.dispose();
      lossSum += values[0] as number;
      correctSum += values[1] as number;
      batch.labels.forEach((label, i) => {
        const row = confusion[label];
        if (row === undefined) throw new Error(`evaluate: labels must be below the model's ${classes} classes, but got ${label}. Evaluate on the data the model was built for.`);
        const predicted = values[2 + i] as number; // argMax < classes
        row[predicted] = (row[predicted] as number) + 1;
      });
    }
  } finally {
    inference.dispose();
  }
  return { loss: lossSum / split.count, accuracy: correctSum / split.count, count: split.count, confusion };
}
