// Bug (lesson 7; from published ResNet notes): the shortcut's "downsample" is a 3×3 convolution
// with stride 2 and no padding (PyTorch's nn.Conv2d default is padding=0). It changes the channels
// but shrinks 32 to 15, not 16, so it no longer matches the branch.
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([32, 32, 64]); //                                               [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
const downsample = batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, useBias: false })); // [N, 15, 15, 128]
export const out = relu(add(main, downsample));
