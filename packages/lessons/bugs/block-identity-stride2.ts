// Bug: the same mistake one level up — the library's basicBlock asked to halve the size and double
// the channels, with its default identity shortcut. The block checks this itself.
// Fix: pass shortcut: 'projection' (the error message says so) — see
// examples/07-compiler-catches/dropped-shortcut-fixed.ts.
import { basicBlock, input } from '@residual/core/model';

// #region bug
const x = input([32, 32, 64]); //                           [N, 32, 32, 64]
export const y = basicBlock(x, { filters: 128, strides: 2 }); // identity shortcut by default
// #endregion
