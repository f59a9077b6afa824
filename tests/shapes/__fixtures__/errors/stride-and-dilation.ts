// TF.js cannot combine a stride with a dilation.
import { conv2d, input } from '@residual/core';

const x = input([32, 32, 3]);
export const y = conv2d(x, { filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 });
