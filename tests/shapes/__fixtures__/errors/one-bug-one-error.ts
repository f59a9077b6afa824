// One bug (a dropped projection), then a whole network after it: still exactly one error.
import { basicBlock, dense, globalAvgPool, input, relu, batchNorm, conv2d } from '@residual/core';

const x = input([32, 32, 16]);
const stem = relu(batchNorm(conv2d(x, { filters: 16, kernelSize: 3, padding: 1, useBias: false })));
const broken = basicBlock(stem, { filters: 32, strides: 2 });
const next = basicBlock(broken, { filters: 32 });
const deeper = basicBlock(next, { filters: 64, strides: 2, shortcut: 'projection' });
const last = basicBlock(deeper, { filters: 64 });
export const logits = dense(globalAvgPool(last), { units: 10 });
