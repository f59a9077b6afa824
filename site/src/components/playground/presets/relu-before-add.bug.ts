// Bug (lesson 7; from published ResNet notes), and one the compiler cannot see: the branch applies
// its ReLU before the add. Both operands are [N, 8, 8, 8], so no shape rule is broken — but the
// branch is never negative, so the block can only add to each activation, never reduce one.
// Lesson 7's property test catches it: block(x) − x is never negative.
import { add, batchNorm, conv2d, input, relu } from '@residual/core';

const x = input([8, 8, 8]); //                                               [N, 8, 8, 8]
const h = relu(batchNorm(conv2d(x, { filters: 8, kernelSize: 3, padding: 1, useBias: false })));
const branch = relu(batchNorm(conv2d(h, { filters: 8, kernelSize: 3, padding: 1, useBias: false }))); // ≥ 0
export const out = relu(add(branch, x)); // compiles: both are [N, 8, 8, 8]
