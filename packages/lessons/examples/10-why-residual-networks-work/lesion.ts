/**
 * Lesson 10: Veit, Wilber and Belongie's lesion experiment (2016, §4): delete one block of a trained
 * network at test time and measure its accuracy.
 */
import * as tf from '@tensorflow/tfjs-core';
import { countCorrect } from '@residual/core/training';
import { predictWithout, type Pieces } from './pieces.js';

/**
 * The accuracy of the whole network, and of the network with each block left out in turn.
 *
 * @param pieces - a trained network in pieces
 * @param test - images `[N, H, W, 1]` and labels `[N]` it was not trained on
 * @returns `full`; `without[i]`: the accuracy without block `i`; `withoutTwo`: the accuracy without
 *   each pair of blocks
 * @example
 * const { full, without } = await lesionAccuracies(pieces, test); // 1, [0.77, 0.98, …]
 */
export async function lesionAccuracies(
  pieces: Pieces,
  test: { x: tf.Tensor4D; labels: tf.Tensor1D },
): Promise<{ full: number; without: number[]; withoutTwo: number[] }> {
  const blocks = pieces.blocks.map((_, index) => index);
  const lesions: number[][] = [
    [], //                                                            the whole network
    ...blocks.map((index) => [index]), //                            each block alone
    ...blocks.flatMap((first) => blocks.filter((second) => second > first).map((second) => [first, second])), // each pair
  ];
  const counts = tf.tidy(() =>
    tf.stack(
      lesions.map((leaveOut) => {
        // #region lesion
        const logits = predictWithout(pieces, test.x, leaveOut); //   the same trained weights, fewer blocks
        return countCorrect(logits, test.labels); //                  evaluation mode, images it was not trained on
        // #endregion
      }),
    ),
  );
  const correct = Array.from(await counts.data()); // one read for all lesions
  counts.dispose();
  const accuracy = correct.map((count) => count / test.labels.shape[0]);
  return { full: accuracy[0] ?? Number.NaN, without: accuracy.slice(1, 1 + blocks.length), withoutTwo: accuracy.slice(1 + blocks.length) };
}
