/**
 * Lesson 10: Veit, Wilber and Belongie's lesion experiment (2016, §4): delete one block of a trained
 * network at test time and measure its accuracy.
 */
import * as tf from '@tensorflow/tfjs-core';
import { countCorrect } from '@residual/core';
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
  const accuracy = async (leaveOut: number[]): Promise<number> => {
    // #region lesion
    const correct = tf.tidy(() => countCorrect(predictWithout(pieces, test.x, leaveOut), test.labels)); // the same weights, a block fewer
    // #endregion
    const [value = Number.NaN] = await correct.data();
    correct.dispose();
    return value / test.labels.shape[0];
  };
  const full = await accuracy([]);
  const without: number[] = [];
  for (let index = 0; index < pieces.blocks.length; index += 1) {
    without.push(await accuracy([index]));
    await tf.nextFrame();
  }
  const withoutTwo: number[] = [];
  for (let first = 0; first < pieces.blocks.length; first += 1) {
    for (let second = first + 1; second < pieces.blocks.length; second += 1) withoutTwo.push(await accuracy([first, second]));
  }
  return { full, without, withoutTwo };
}
