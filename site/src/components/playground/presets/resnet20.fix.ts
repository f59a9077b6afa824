// ResNet-20 for CIFAR-10 (He et al. 2016, §4.2): a 3×3 stem, three stages of three basic blocks
// (16, 32, 64 filters), global average pooling and a 10-way linear layer that returns logits.
// Hover a name to see its shape. Run builds it here; Train runs a few steps on real CIFAR-10 images.
import { basicBlock, batchNorm, conv2d, dense, globalAvgPool, input, relu } from '@residual/core';

const images = input([32, 32, 3]); //                                                   [N, 32, 32, 3]
const stem = relu(batchNorm(conv2d(images, { filters: 16, kernelSize: 3, padding: 1, useBias: false }))); // [N, 32, 32, 16]

// Stage 1: 16 filters at 32×32.
const a1 = basicBlock(stem, { filters: 16 }); //                                        [N, 32, 32, 16]
const a2 = basicBlock(a1, { filters: 16 });
const a3 = basicBlock(a2, { filters: 16 });

// Stage 2: the first block halves the size and doubles the channels, so its shortcut is projected.
const b1 = basicBlock(a3, { filters: 32, strides: 2, shortcut: 'projection' }); //      [N, 16, 16, 32]
const b2 = basicBlock(b1, { filters: 32 });
const b3 = basicBlock(b2, { filters: 32 });

// Stage 3: again.
const c1 = basicBlock(b3, { filters: 64, strides: 2, shortcut: 'projection' }); //      [N, 8, 8, 64]
const c2 = basicBlock(c1, { filters: 64 });
const c3 = basicBlock(c2, { filters: 64 });

const pooled = globalAvgPool(c3); //                                                    [N, 64]
export const logits = dense(pooled, { units: 10 }); //                                  [N, 10]
