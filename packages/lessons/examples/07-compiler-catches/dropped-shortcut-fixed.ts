/**
 * Lesson 7, fix of bugs/dropped-shortcut.ts and bugs/block-identity-stride2.ts: project the
 * shortcut when the block changes the shape, or zero-pad it (the paper's option A).
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { add, basicBlock, batchNorm, conv2d, input, relu, withSeed } from '@residual/core/model';

/**
 * The downsampling block written by hand, with its projection shortcut.
 *
 * @returns the block as a model, `[N, 32, 32, 64]` → `[N, 16, 16, 128]`
 * @example
 * handWrittenDownsample(1).outputs[0]?.shape; // [null, 16, 16, 128]
 */
export function handWrittenDownsample(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region fix
    const x = input([32, 32, 64]); //                                             [N, 32, 32, 64]
    const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
    const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
    const shortcut = batchNorm(conv2d(x, { filters: 128, kernelSize: 1, strides: 2, useBias: false })); // [N, 16, 16, 128]
    const out = relu(add(main, shortcut));
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: out.tensor });
  });
}

/**
 * The same with the library's block.
 *
 * @returns the block as a model, `[N, 32, 32, 64]` → `[N, 16, 16, 128]`
 * @example
 * libraryDownsample(1).outputs[0]?.shape; // [null, 16, 16, 128]
 */
export function libraryDownsample(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region library-fix
    const x = input([32, 32, 64]); //                                                  [N, 32, 32, 64]
    const y = basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' }); //  [N, 16, 16, 128]
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}

/**
 * The same block with the paper's option A shortcut: the input subsampled with the block's stride,
 * zeros for the extra channels, no parameters.
 *
 * @returns the block as a model, `[N, 32, 32, 64]` → `[N, 16, 16, 128]`
 * @example
 * zeroPadDownsample(1).outputs[0]?.shape; // [null, 16, 16, 128]
 */
export function zeroPadDownsample(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region zero-pad-fix
    const x = input([32, 32, 64]); //                                                [N, 32, 32, 64]
    const y = basicBlock(x, { filters: 128, strides: 2, shortcut: 'zero-pad' }); //  [N, 16, 16, 128]
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}
