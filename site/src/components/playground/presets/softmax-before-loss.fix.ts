// Fix: the model ends in a linear layer and returns logits; the loss (crossEntropy, which the
// training step uses) applies logSoftmax once. Train runs the same steps on both presets: compare.
import { basicBlock, batchNorm, conv2d, dense, globalAvgPool, input, relu } from '@residual/core';

const images = input([32, 32, 3]); //                                                   [N, 32, 32, 3]
const stem = relu(batchNorm(conv2d(images, { filters: 16, kernelSize: 3, padding: 1, useBias: false }))); // [N, 32, 32, 16]
const features = basicBlock(stem, { filters: 16 }); //                                  [N, 32, 32, 16]
const pooled = globalAvgPool(features); //                                              [N, 16]
export const logits = dense(pooled, { units: 10 }); //                                  [N, 10]: crossEntropy(logits, labels)
