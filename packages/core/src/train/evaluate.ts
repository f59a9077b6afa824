import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ChannelStats } from '../data/channel-stats.js';
import type { ImageSplit } from '../data/image-dataset.js';
import { makeBatch } from '../data/make-batch.js';
import { inferenceModel } from '../inference/inference-model.js';
import { countCorrect, crossEntropy } from './cross-entropy.js';

/** Loss and accuracy over a split. */
export interface EvalResult {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
}

/**
 * Evaluates a model on a whole split with batch normalisation in **inference mode** (the running
 * averages learnt in training, so each image's prediction does not depend on its batch-mates),
 * through {@link inferenceModel}: each batch norm folded into its convolution.
 *
 * @param model - the TF.js model.
 * @param split - images `[count, H, W, C]` as bytes.
 * @param options - image shape, normalisation stats and batch size.
 * @returns mean loss and accuracy.
 * @example
 * const { accuracy } = await evaluate(model.layersModel, data.test, { imageShape: [32, 32, 3], stats, batchSize: 256 });
 */
export async function evaluate(
  model: tfl.LayersModel,
  split: ImageSplit,
  options: { imageShape: readonly [number, number, number]; stats: ChannelStats; batchSize: number },
): Promise<EvalResult> {
  let lossSum = 0;
  let correctSum = 0;
  const [height, width, channels] = options.imageShape;
  const inference = inferenceModel(model);
  try {
    for (let start = 0; start < split.count; start += options.batchSize) {
      const indices = Array.from({ length: Math.min(options.batchSize, split.count - start) }, (_, i) => start + i);
      const batch = makeBatch(split, indices, { imageShape: options.imageShape, stats: options.stats });
      const totals = tf.tidy(() => {
        const x = tf.tensor4d(batch.pixels, [indices.length, height, width, channels]); // [N, H, W, C]
        const labels = tf.tensor1d(batch.labels, 'int32');
        const logits = inference.predict(x) as tf.Tensor2D; // [N, K]
        return tf.stack([tf.mul(crossEntropy(logits, labels), indices.length), countCorrect(logits, labels)]);
      });
      const [loss = 0, correct = 0] = await totals.data();
      totals.dispose();
      lossSum += loss;
      correctSum += correct;
    }
  } finally {
    inference.dispose();
  }
  const count = Math.max(split.count, 1);
  return { loss: lossSum / count, accuracy: correctSum / count, count: split.count };
}
