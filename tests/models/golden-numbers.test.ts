// Golden numbers: parameter and MAC counts computed from the built models, compared with the
// published references (torchvision's model docs; He et al. 2015, table 6).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { blockConvWeights, buildModel, countMacs, countParams, summarize, summary, type ModelName } from '@residual/core';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** torchvision: `num_params` and `_ops` (GFLOPS, counted as multiply-accumulates) at 224×224. */
const torchvision: Record<string, { params: number; gmacs: number }> = {
  resnet18: { params: 11_689_512, gmacs: 1.814 },
  resnet34: { params: 21_797_672, gmacs: 3.664 },
  resnet50: { params: 25_557_032, gmacs: 4.089 },
  resnet101: { params: 44_549_160, gmacs: 7.801 },
  resnet152: { params: 60_192_808, gmacs: 11.514 },
};

/** The paper's CIFAR-10 parameter counts (table 6), in millions, at the paper's precision. */
const paperCifar: Record<string, { millions: number; precision: number }> = {
  resnet20: { millions: 0.27, precision: 0.01 },
  resnet56: { millions: 0.85, precision: 0.01 },
  resnet110: { millions: 1.7, precision: 0.1 },
};

describe('ImageNet ResNets match torchvision', () => {
  test.each(Object.entries(torchvision))('%s: trainable parameters exactly, MACs within 1 %', (name, reference) => {
    const model = buildModel(name as ModelName, { seed: 0 });
    try {
      expect(countParams(model).trainable).toBe(reference.params);
      expect(Math.abs(countMacs(model) / 1e9 - reference.gmacs) / reference.gmacs).toBeLessThan(0.01);
      const table = summary(model);
      expect(table).toContain(`Trainable params: ${reference.params.toLocaleString('en-US')}`);
      expect(table).toContain(`(${reference.gmacs.toFixed(3)} G;`);
    } finally {
      model.dispose();
    }
  });
});

describe('CIFAR ResNets match the paper', () => {
  test.each(Object.entries(paperCifar))('%s', (name, reference) => {
    const model = buildModel(name as ModelName, { seed: 0 });
    try {
      const { params, rows } = summarize(model);
      // Our projection shortcuts (option B) add parameters the paper's option A does not have:
      // 1×1 convs 16→32 and 32→64, each with BN γ and β.
      const projections = rows.filter((row) => row.name.includes('downsample')).reduce((sum, row) => sum + row.trainableParams, 0);
      expect(projections).toBe(16 * 32 + 2 * 32 + 32 * 64 + 2 * 64);
      const optionA = (params.trainable - projections) / 1e6;
      expect(Math.abs(optionA - reference.millions)).toBeLessThanOrEqual(reference.precision / 2);
      expect(Math.abs(params.trainable / 1e6 - reference.millions) / reference.millions).toBeLessThan(0.02);
    } finally {
      model.dispose();
    }
  });
});

describe('the bottleneck saves weights', () => {
  test('at 256 channels: bottleneck 69,632 vs two 3×3 convs 1,179,648 conv weights', () => {
    expect(blockConvWeights('bottleneck', 256, { filters: 64 })).toBe(69_632);
    expect(blockConvWeights('basic', 256, { filters: 256 })).toBe(1_179_648);
  });
});
