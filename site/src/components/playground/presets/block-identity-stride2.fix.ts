// Fix: the projection shortcut (a 1×1 conv with stride 2 and batch norm), as the message says.
import { basicBlock, input } from '@residual/core';

const x = input([32, 32, 64]); //                                                   [N, 32, 32, 64]
export const y = basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' }); // [N, 16, 16, 128]
