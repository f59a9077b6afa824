import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ChannelStats } from '../data/channel-stats.js';
import { makeBatch } from '../data/make-batch.js';
import { inferenceModel } from '../inference/inference-model.js';

/** One guess: a class name and its softmax probability. */
export interface Guess {
  readonly className: string;
  readonly score: number;
}

/**
 * Classifies images and returns the `top` most probable classes of each (batch norm in inference
 * mode, folded into the convolutions by {@link inferenceModel}).
 *
 * @param model - the TF.js model.
 * @param images - `[count, H, W, C]` bytes.
 * @param options - image shape, the training normalisation, class names and how many guesses.
 * @returns per image, guesses with the highest score first.
 * @example
 * const [[best]] = await classify(model.layersModel, pixels, { imageShape: [32, 32, 3], stats, classNames, top: 1 });
 * console.log(`this picture might be: ${best.className}, score: ${best.score.toFixed(2)}`);
 */
export async function classify(
  model: tfl.LayersModel,
  images: Uint8Array,
  options: { imageShape: readonly [number, number, number]; stats: ChannelStats; classNames: readonly string[]; top: number },
): Promise<Guess[][]> {
  const [height, width, channels] = options.imageShape;
  const count = images.length / (height * width * channels);
  const batch = makeBatch(
    { images, labels: new Uint8Array(count), count },
    Array.from({ length: count }, (_, index) => index),
    { imageShape: options.imageShape, stats: options.stats },
  );
  const inference = inferenceModel(model);
  let probabilities: tf.Tensor2D; // [count, K]
  try {
    probabilities = tf.tidy(() => tf.softmax(inference.predict(tf.tensor4d(batch.pixels, [count, height, width, channels])) as tf.Tensor2D));
  } finally {
    inference.dispose();
  }
  const rows = (await probabilities.array()) as number[][];
  probabilities.dispose();
  return rows.map((row) =>
    row
      .map((score, label) => ({ className: options.classNames[label] ?? String(label), score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.top),
  );
}
