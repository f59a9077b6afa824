// Fix: a 1×1 convolution with stride 2 (no padding needed) and batch norm, as torchvision's
// `downsample`: ⌊(32 − 1) / 2⌋ + 1 = 16, and nine times fewer weights than a 3×3.
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([32, 32, 64]); //                                               [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
const downsample = batchNorm(conv2d(x, { filters: 128, kernelSize: 1, strides: 2, useBias: false })); // [N, 16, 16, 128]
export const out = relu(add(main, downsample));
