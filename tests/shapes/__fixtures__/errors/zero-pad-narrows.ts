// A zero-pad shortcut (the paper's option A) can add channels, never remove them: 64 → 32 needs a projection.
import { basicBlock, input } from '@residual/core';

const x = input([32, 32, 64]); // [N, 32, 32, 64]
export const y = basicBlock(x, { filters: 32, strides: 2, shortcut: 'zero-pad' });
