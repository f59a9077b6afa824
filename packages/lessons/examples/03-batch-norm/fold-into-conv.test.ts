import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { foldByHand, resnet20Kernels } from './fold-into-conv.js';

beforeAll(useCpuBackend);

describe('lesson 3: batch norm folded into the convolution', () => {
  it('one fused convolution gives conv → BN → ReLU in evaluation mode', () => {
    const before = tf.memory().numTensors;
    expect(foldByHand(1)).toBeLessThan(1e-5);
    expect(foldByHand(2)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ResNet-20 folds all 21 of its batch norms and runs fewer kernels', async () => {
    const before = tf.memory().numTensors;
    const { layers, folded, fusions } = await resnet20Kernels();
    expect(tf.memory().numTensors).toBe(before);
    expect(fusions).toBe(21); // 19 convs of the paper's ResNet-20 + 2 projection shortcuts
    expect(folded).toBeLessThan(layers);
    expect(layers - folded).toBeGreaterThan(fusions); // every BN kernel gone, and the ReLUs that followed a BN
  });
});
