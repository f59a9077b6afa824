import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ChannelStats } from '../data/channel-stats.js';
import { makeBatch } from '../data/make-batch.js';
import { inferenceModel } from '../../engine/inference/inference-model.js';

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
 * @returns per image, guesses with the highest score first; none for no images.
 * @throws Error when `images` is not a whole number of images or `classNames` does not name every class.
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
  const imageSize = height * width * channels;
  if (images.length % imageSize !== 0) {
    throw new Error(
      `classify: images must hold whole images of ${height}×${width}×${channels} (${imageSize.toLocaleString('en-US')} bytes each), ` +
        `but got ${images.length.toLocaleString('en-US')} bytes. Pass [count, H, W, C] bytes in the model's input shape.`,
    );
  }
  const count = images.length / imageSize;
  if (count === 0) return []; // a batch of no images has no guesses (TF.js cannot run one)
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
  const classes = rows[0]?.length;
  if (classes !== options.classNames.length) {
    throw new Error(`classify: classNames must name the model's ${classes} classes, but got ${options.classNames.length} names. Pass the class names the model was trained with.`);
  }
  return rows.map((row) =>
    row
      .map((score, label) => ({ className: options.classNames[label] as string, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.top),
  );
}
