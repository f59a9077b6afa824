// Fix: batch norm ends the branch, the add comes next, the ReLU after it (torchvision's
// BasicBlock), so the residual F(x) is free to take any sign.
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([8, 8, 8]); //                                               [N, 8, 8, 8]
const h = relu(batchNorm(conv2d(x, { filters: 8, kernelSize: 3, padding: 1, useBias: false })));
const branch = batchNorm(conv2d(h, { filters: 8, kernelSize: 3, padding: 1, useBias: false })); // any sign
export const out = relu(add(branch, x)); //                                  [N, 8, 8, 8]
