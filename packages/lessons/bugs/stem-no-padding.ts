// Bug: the ImageNet stem's 7×7 convolution (stride 2) is written without its padding of 3. It now
// gives 109×109 instead of 112×112, the 3×3 max-pool (stride 2, padding 1) gives 55×55 instead of
// 56×56, and the first stage, written for the 56×56×64 maps of the paper's Table 1, no longer fits.
// Fix: `padding: 3` on the stem convolution — see examples/07-compiler-catches/stem-no-padding-fixed.ts.
import { basicBlock, batchNorm, conv2d, input, maxPool2d, relu, type Sym } from '@residual/core/model';

/** ResNet-18's first stage: two basic blocks on the 56×56×64 maps of the paper's Table 1. */
function layer1(x: Sym<[number, 56, 56, 64]>) {
  return basicBlock(basicBlock(x, { filters: 64 }), { filters: 64 });
}

// #region bug
const images = input([224, 224, 3]); //                                          [N, 224, 224, 3]
const stem = conv2d(images, { filters: 64, kernelSize: 7, strides: 2, useBias: false }); // [N, 109, 109, 64]
const pooled = maxPool2d(relu(batchNorm(stem)), { poolSize: 3, strides: 2, padding: 1 }); // [N, 55, 55, 64]
export const features = layer1(pooled);
// #endregion
