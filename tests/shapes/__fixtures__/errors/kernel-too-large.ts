// A 7×7 'valid' convolution on a 5×5 input.
import { conv2d, input } from '@residual/core';

const x = input([5, 5, 3]);
export const y = conv2d(x, { filters: 8, kernelSize: 7 });
