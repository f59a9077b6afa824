// A hand-written residual block whose main branch downsamples while the shortcut does not.
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([32, 32, 64]); // [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
export const y = relu(add(main, x));
