// Bug (lesson 7): the library's basicBlock asked to halve the size and double the channels, with
// its default identity shortcut. The message names the fix; the quick fix applies it.
import { basicBlock, input } from '@residual/core';

const x = input([32, 32, 64]); //                           [N, 32, 32, 64]
export const y = basicBlock(x, { filters: 128, strides: 2 }); // identity shortcut by default
