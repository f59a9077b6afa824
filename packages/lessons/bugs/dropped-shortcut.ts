// Bug: a downsampling block written by hand keeps the identity shortcut. The branch halves the
// height and width and doubles the channels; the input does neither, so `add` gets two shapes.
// (Published ResNet notes show it as `out += x` in a block whose first conv has stride 2.)
// Fix: project the shortcut with a 1×1 conv of the same stride and BN — see
// examples/07-compiler-catches/dropped-shortcut-fixed.ts, or call
// basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' }).
import { add, batchNorm, conv2d, input, relu } from '@residual/core/model';

// #region bug
const x = input([32, 32, 64]); //                                               [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
export const out = relu(add(main, x)); // the shortcut: x unchanged,          [N, 32, 32, 64]
// #endregion
