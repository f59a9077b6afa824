import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmHeapBytes } from '../../engine/backend/wasm-heap-bytes.js';
import { registerTrainingKernels } from '../../engine/kernels/register-training-kernels.js';
import { buildModel } from '../../model/models/registry.js';
import { Optimizer, paperSgd } from './optimizer.js';
import { largestBatch, stepMemory } from './step-memory.js';
import { trainStep } from './train-step.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

describe('stepMemory', () => {
  it('counts every layer output once and the two largest gradients in training, three of the largest outputs in inference', () => {
    const model = buildModel('resnet20', { seed: 1 }).layersModel;
    const sizes = model.layers.map((layer) => (layer.outputShape as number[]).slice(1).reduce((product, dim) => product * dim, 1));
    const largest = Math.max(...sizes);
    const sum = sizes.reduce((total, size) => total + size, 0);
    expect(stepMemory(model, 8, 'train')).toBe(8 * 4 * (sum + 2 * largest));
    expect(stepMemory(model, 8, 'infer')).toBe(8 * 4 * 3 * largest);
    expect(largestBatch(model, stepMemory(model, 64, 'train'), 'train')).toBe(64);
  });

  it('stays below what a real ResNet-20 training step takes on wasm (a lower bound: it refuses only what cannot fit)', async () => {
    const model = buildModel('resnet20', { seed: 1 }).layersModel;
    const optimizer = new Optimizer(paperSgd, model.trainableWeights.map((weight) => weight.read() as tf.Variable));
    const x = tf.randomNormal([32, 32, 32, 3], 0, 1, 'float32', 2) as tf.Tensor4D; // [N, H, W, C]
    const labels = tf.tensor1d(Array.from({ length: 32 }, (_, i) => i % 10), 'int32');
    const stats = trainStep(model, optimizer, x, labels, { lr: 0.1 });
    await stats.data();
    tf.dispose([stats, x, labels]);
    optimizer.dispose();
    expect(wasmHeapBytes()).toBeGreaterThan(stepMemory(model, 32, 'train'));
  });
});
