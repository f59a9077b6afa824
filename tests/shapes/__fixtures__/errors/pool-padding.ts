// Max-pool padding larger than half the window (PyTorch rejects it too).
import { input, maxPool2d } from '@residual/core';

const x = input([112, 112, 64]);
export const y = maxPool2d(x, { poolSize: 3, strides: 2, padding: 2 });
