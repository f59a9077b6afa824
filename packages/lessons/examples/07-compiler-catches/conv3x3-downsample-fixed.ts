/**
 * Lesson 7, fix of bugs/conv3x3-downsample.ts: the shortcut's downsample is a 1×1 convolution with
 * stride 2, as torchvision's `downsample`.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { add, batchNorm, conv2d, input, relu, withSeed } from '@residual/core/model';

/**
 * The block with a 1×1, stride-2 downsample on the shortcut.
 *
 * @returns the block as a model, `[N, 32, 32, 64]` → `[N, 16, 16, 128]`
 * @example
 * oneByOneDownsample(1).outputs[0]?.shape; // [null, 16, 16, 128]
 */
export function oneByOneDownsample(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    const x = input([32, 32, 64]); //                                                [N, 32, 32, 64]
    const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
    const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
    // #region fix
    const downsample = batchNorm(conv2d(x, { filters: 128, kernelSize: 1, strides: 2, useBias: false })); // [N, 16, 16, 128]
    const out = relu(add(main, downsample));
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: out.tensor });
  });
}
