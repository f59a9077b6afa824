/**
 * Lesson 1: the basic residual block, written layer by layer and as one library call.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { add, basicBlock, batchNorm, conv2d, input, relu, withSeed } from '@residual/core/model';

/**
 * A basic block written out with the typed layer functions: `a[l+2] = g(z[l+2] + a[l])`.
 *
 * @param seed - initialiser seed
 * @returns the block as a TF.js model, input and output `[N, 32, 32, 64]`
 * @example
 * handWrittenBlock(1).outputs[0]?.shape; // [null, 32, 32, 64]
 */
export function handWrittenBlock(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region by-hand
    const x = input([32, 32, 64]); //                  a[l]    [N, 32, 32, 64]
    const conv1 = conv2d(x, { filters: 64, kernelSize: 3, padding: 1, useBias: false });
    const a1 = relu(batchNorm(conv1)); //               a[l+1]  [N, 32, 32, 64]
    const conv2 = conv2d(a1, { filters: 64, kernelSize: 3, padding: 1, useBias: false });
    const z2 = batchNorm(conv2); //                     z[l+2]  [N, 32, 32, 64]
    const a2 = relu(add(z2, x)); //                     a[l+2] = g(z[l+2] + a[l])
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: a2.tensor });
  });
}

/**
 * The same block from the library: `basicBlock`, whose output type the compiler knows.
 *
 * @param seed - initialiser seed
 * @returns the block as a TF.js model, input and output `[N, 32, 32, 64]`
 * @example
 * libraryBlock(1).outputs[0]?.shape; // [null, 32, 32, 64]
 */
export function libraryBlock(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region library
    const x = input([32, 32, 64]); //           Sym<[number, 32, 32, 64]>
    const y = basicBlock(x, { filters: 64 }); // Sym<[number, 32, 32, 64]>
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}
