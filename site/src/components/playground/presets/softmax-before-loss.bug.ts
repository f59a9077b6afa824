// Bug (lesson 7; from published ResNet notes), and one the compiler cannot see: the model ends in a
// softmax, and its probabilities go into a cross-entropy that applies a (log-)softmax itself.
// Probabilities and logits are both [N, 10]; no type tells them apart. With 10 classes even a
// perfect classifier's loss cannot go below log(e + 9) − 1 ≈ 1.46, and the gradients shrink.
import { basicBlock, batchNorm, conv2d, dense, globalAvgPool, input, relu } from '@residual/core';

const images = input([32, 32, 3]); //                                                   [N, 32, 32, 3]
const stem = relu(batchNorm(conv2d(images, { filters: 16, kernelSize: 3, padding: 1, useBias: false }))); // [N, 32, 32, 16]
const features = basicBlock(stem, { filters: 16 }); //                                  [N, 32, 32, 16]
const pooled = globalAvgPool(features); //                                              [N, 16]
export const probabilities = dense(pooled, { units: 10, activation: 'softmax' }); // [N, 10], then crossEntropy(probabilities, labels)
