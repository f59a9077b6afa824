// Fix: `padding: 3` on the stem convolution: 224 → 112 → 56, as the first stage expects.
import { basicBlock, batchNorm, conv2d, input, maxPool2d, relu, type Sym } from '@residual/core';

/** ResNet-18's first stage: two basic blocks on the 56×56×64 maps of the paper's Table 1. */
function layer1(x: Sym<[number, 56, 56, 64]>) {
  return basicBlock(basicBlock(x, { filters: 64 }), { filters: 64 });
}

const images = input([224, 224, 3]); //                                                      [N, 224, 224, 3]
const stem = conv2d(images, { filters: 64, kernelSize: 7, strides: 2, padding: 3, useBias: false }); // [N, 112, 112, 64]
const pooled = maxPool2d(relu(batchNorm(stem)), { poolSize: 3, strides: 2, padding: 1 }); // [N, 56, 56, 64]
export const features = layer1(pooled); //                                                   [N, 56, 56, 64]
