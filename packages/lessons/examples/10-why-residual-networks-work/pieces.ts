/**
 * Lesson 10: a small network kept in pieces — stem, blocks, head — so that a block can be left out
 * at test time while every other piece keeps its trained weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, batchNorm, conv2d, dense, globalAvgPool, input, plainBlock, relu, withSeed } from '@residual/core/model';

/** The size of the networks and of their task. */
export interface PiecesConfig {
  blocks: number;
  width: number;
  /** height and width of the images */
  size: number;
  seed: number;
}

/** A network in pieces: each piece is a model; `network` joins them and shares their weights. */
export interface Pieces {
  stem: tfl.LayersModel;
  blocks: tfl.LayersModel[];
  head: tfl.LayersModel;
  /** the whole network, for training; disposing it frees every piece's weights */
  network: tfl.LayersModel;
}

/**
 * Stem, `blocks` basic blocks with shortcuts (`residual`) or without (`plain`), and the head
 * (pooling and a dense layer over 4 classes), each its own model, and the network that joins them.
 * The same seed gives both kinds the same weights. Dispose `network` when done.
 *
 * @param config - depth, width, image size, seed
 * @param kind - `'plain'` or `'residual'`
 * @example
 * const pieces = buildPieces({ blocks: 4, width: 8, size: 4, seed: 1 }, 'residual');
 */
export function buildPieces(config: PiecesConfig, kind: 'plain' | 'residual'): Pieces {
  const { blocks, width, size, seed } = config;
  const { stem, pieces, head } = withSeed(seed, () => {
    const images = input([size, size, 1]); // [N, H, W, 1]
    const stemOut = relu(batchNorm(conv2d(images, { filters: width, kernelSize: 3, padding: 1, useBias: false, name: 'stem.conv' }), { name: 'stem.bn' }));
    const blockModels = Array.from({ length: blocks }, (_, index) => {
      const x = input([size, size, width]); // [N, H, W, C]
      const name = `block${index + 1}`; // the same names, so the same seeded weights in both kinds
      const y = kind === 'residual' ? basicBlock(x, { filters: width, name }) : plainBlock(x, { filters: width, name });
      return tfl.model({ inputs: x.tensor, outputs: y.tensor });
    });
    const features = input([size, size, width]); // [N, H, W, C]
    const logits = dense(globalAvgPool(features), { units: 4, name: 'fc' }); // [N, 4]
    return {
      stem: tfl.model({ inputs: images.tensor, outputs: stemOut.tensor }),
      pieces: blockModels,
      head: tfl.model({ inputs: features.tensor, outputs: logits.tensor }),
    };
  });
  const images = tfl.input({ shape: [size, size, 1] }); // [N, H, W, 1]
  let x = stem.apply(images) as tfl.SymbolicTensor; //   [N, H, W, C]
  for (const block of pieces) x = block.apply(x) as tfl.SymbolicTensor;
  const network = tfl.model({ inputs: images, outputs: head.apply(x) as tfl.SymbolicTensor });
  return { stem, blocks: pieces, head, network };
}

/**
 * The trained network's logits in evaluation mode, optionally without some blocks: a left-out
 * block passes its input on unchanged, as if its branch were switched off — for a plain network,
 * as if the block were not there at all.
 *
 * @param pieces - from {@link buildPieces}
 * @param images - `[N, H, W, 1]`
 * @param leaveOut - indices of the blocks to leave out (0-based)
 * @returns `[N, 4]`
 * @example
 * const logits = predictWithout(pieces, images, [2]); // the network without its third block
 */
export function predictWithout(pieces: Pieces, images: tf.Tensor4D, leaveOut: readonly number[] = []): tf.Tensor2D {
  return tf.tidy(() => {
    // #region leave-out
    let x = pieces.stem.predict(images) as tf.Tensor4D; //          [N, H, W, C]
    pieces.blocks.forEach((block, index) => {
      if (leaveOut.includes(index)) return; //                      a deleted block: x passes on
      x = block.predict(x) as tf.Tensor4D; //                       [N, H, W, C]
    });
    return pieces.head.predict(x) as tf.Tensor2D; //                [N, 4]
    // #endregion
  });
}
