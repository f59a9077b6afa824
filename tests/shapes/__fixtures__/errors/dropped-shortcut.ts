// A stage's first block halves the size and doubles the channels, but keeps the identity shortcut.
import { basicBlock, input } from '@residual/core';

const x = input([32, 32, 64]); // [N, 32, 32, 64]
export const y = basicBlock(x, { filters: 128, strides: 2 });
