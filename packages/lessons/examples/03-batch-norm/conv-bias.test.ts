import { resnet20, summarize } from '@residual/core/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { biasCancels, wastedBiases } from './conv-bias.js';

beforeAll(useCpuBackend);

describe('lesson 3: the bias before batch normalization', () => {
  it('cancels: the outputs agree up to rounding although the bias is not zero', () => {
    const { maxDiff, biasNorm } = biasCancels(1);
    expect(biasNorm).toBeGreaterThan(0.1);
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('counts one would-be bias per conv filter', () => {
    const model = resnet20({ seed: 1 });
    try {
      const channelsOfConvs = summarize(model)
        .rows.filter((row) => row.type === 'Conv2D')
        .reduce((sum, row) => sum + Number(/(\d+)\]$/.exec(row.outputShape)?.[1]), 0);
      expect(wastedBiases(model)).toBe(channelsOfConvs);
      expect(wastedBiases(model)).toBeGreaterThan(0);
    } finally {
      model.dispose();
    }
  });
});
