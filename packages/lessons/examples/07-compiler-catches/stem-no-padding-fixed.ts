/**
 * Lesson 7, fix of bugs/stem-no-padding.ts: the stem convolution pads 3 pixels on each side.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, batchNorm, conv2d, input, maxPool2d, relu, withSeed, type Sym } from '@residual/core/model';

/** ResNet-18's first stage: two basic blocks on the 56×56×64 maps of the paper's Table 1. */
function layer1(x: Sym<[number, 56, 56, 64]>) {
  return basicBlock(basicBlock(x, { filters: 64 }), { filters: 64 });
}

/**
 * The ImageNet stem with its padding, followed by the first stage.
 *
 * @returns a model `[N, 224, 224, 3]` → `[N, 56, 56, 64]`
 * @example
 * stemAndFirstStage(1).outputs[0]?.shape; // [null, 56, 56, 64]
 */
export function stemAndFirstStage(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region fix
    const images = input([224, 224, 3]); //                                                       [N, 224, 224, 3]
    const stem = conv2d(images, { filters: 64, kernelSize: 7, strides: 2, padding: 3, useBias: false }); // [N, 112, 112, 64]
    const pooled = maxPool2d(relu(batchNorm(stem)), { poolSize: 3, strides: 2, padding: 1 }); //  [N, 56, 56, 64]
    const features = layer1(pooled); //                                                            [N, 56, 56, 64]
    // #endregion
    return tfl.model({ inputs: images.tensor, outputs: features.tensor });
  });
}
