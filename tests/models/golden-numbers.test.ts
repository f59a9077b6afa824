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

/** The paper's CIFAR-10 parameter counts (table 6), in millions, as printed (two significant digits). */
const paperCifar: Record<string, { millions: number }> = {
  resnet20: { millions: 0.27 },
  resnet56: { millions: 0.85 },
  resnet110: { millions: 1.7 },
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

describe("the paper's CIFAR ResNets (option A) match table 6 and their plain twins", () => {
  test.each(Object.entries(paperCifar))('%sa: the paper\'s count, exactly the parameters of the plain twin', (name, reference) => {
    const depth = name.replace('resnet', '');
    const residual = buildModel(`resnet${depth}a` as ModelName, { seed: 0 });
    const plain = buildModel(`plain${depth}` as ModelName, { seed: 0 });
    try {
      const params = countParams(residual);
      // Table 6 prints two significant digits: 0.27 M, 0.85 M, 1.7 M.
      expect(Number((params.trainable / 1e6).toPrecision(2))).toBe(reference.millions);
      expect(params).toEqual(countParams(plain)); // "exactly the same depth, width, and number of parameters" (§4.2)
      expect(countMacs(residual)).toBe(countMacs(plain)); // the zero-pad shortcut multiplies nothing
    } finally {
      residual.dispose();
      plain.dispose();
    }
  });

  test.each(Object.keys(paperCifar))('%s (option B): the two projections add 2,752 parameters', (name) => {
    const depth = name.replace('resnet', '');
    const projected = buildModel(name as ModelName, { seed: 0 });
    const paper = buildModel(`resnet${depth}a` as ModelName, { seed: 0 });
    try {
      const { rows } = summarize(projected);
      const projections = rows.filter((row) => row.name.includes('downsample')).reduce((sum, row) => sum + row.trainableParams, 0);
      expect(projections).toBe(16 * 32 + 2 * 32 + 32 * 64 + 2 * 64); // 1×1 convs 16→32 and 32→64, each with BN γ and β
      expect(countParams(projected).trainable - countParams(paper).trainable).toBe(projections);
    } finally {
      projected.dispose();
      paper.dispose();
    }
  });
});

describe('the bottleneck saves weights', () => {
  test('at 256 channels: bottleneck 69,632 vs two 3×3 convs 1,179,648 conv weights', () => {
    expect(blockConvWeights('bottleneck', 256, { filters: 64 })).toBe(69_632);
    expect(blockConvWeights('basic', 256, { filters: 256 })).toBe(1_179_648);
  });
});
