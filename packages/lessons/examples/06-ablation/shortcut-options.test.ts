import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, countParams, type ModelName } from '@residual/core/model';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { basicDepths, resnetWithShortcuts, shortcutOptionParams } from './shortcut-options.js';

beforeAll(useCpuBackend);

describe('lesson 6: ResNet-34 with shortcut options A, B and C', () => {
  it('A has exactly plain-34’s parameters, B is torchvision’s ResNet-34, C adds thirteen projections', () => {
    const counts = shortcutOptionParams();
    const registered = (name: ModelName): number => {
      const model = buildModel(name, { inputShape: [64, 64, 3], seed: 0 });
      try {
        return countParams(model).trainable;
      } finally {
        model.dispose();
      }
    };
    expect(counts.A).toBe(registered('plain34'));
    expect(counts.B).toBe(registered('resnet34'));
    expect(counts.B).toBe(21_797_672);
    expect(counts.extraProjectionsC).toBe(13); // the paper's "many (thirteen) projection shortcuts"
    expect(counts.C).toBeGreaterThan(counts.B ?? Number.POSITIVE_INFINITY);
    // ResNet-18 with option A has plain-18's parameters too
    expect(shortcutOptionParams(basicDepths.resnet18, ['A']).A).toBe(registered('plain18'));
  });
});

describe('lesson 6: resnetWithShortcuts', () => {
  it('refuses a depth list that is not four stages', () => {
    expect(() => resnetWithShortcuts([2, 2, 2], 'A')).toThrow('resnetWithShortcuts: layers must give blocks for 4 stages, but got [2, 2, 2]. Pass e.g. [3, 4, 6, 3].');
  });
});
