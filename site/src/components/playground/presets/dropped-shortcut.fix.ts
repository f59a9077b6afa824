// Fix: project the shortcut with a 1×1 convolution of the same stride and batch norm
// (torchvision's `downsample`), so both inputs of `add` are [N, 16, 16, 128].
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([32, 32, 64]); //                                               [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
const shortcut = batchNorm(conv2d(x, { filters: 128, kernelSize: 1, strides: 2, useBias: false })); // [N, 16, 16, 128]
export const out = relu(add(main, shortcut)); //                                [N, 16, 16, 128]
