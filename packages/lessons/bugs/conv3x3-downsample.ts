// Bug: the shortcut's "downsample" is a 3×3 convolution with stride 2 and no padding (PyTorch's
// nn.Conv2d default is padding=0). It does change the channels, but it shrinks 32 to 15, not 16,
// so its output no longer matches the branch.
// Fix: a 1×1 convolution with stride 2 (no padding needed) and BN, as torchvision's `downsample` —
// see examples/07-compiler-catches/conv3x3-downsample-fixed.ts.
import { add, batchNorm, conv2d, input, relu } from '@residual/core/model';

// #region bug
const x = input([32, 32, 64]); //                                               [N, 32, 32, 64]
const h = relu(batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, padding: 1, useBias: false })));
const main = batchNorm(conv2d(h, { filters: 128, kernelSize: 3, padding: 1, useBias: false })); // [N, 16, 16, 128]
const downsample = batchNorm(conv2d(x, { filters: 128, kernelSize: 3, strides: 2, useBias: false })); // [N, 15, 15, 128]
export const out = relu(add(main, downsample));
// #endregion
