import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { zeroResidualCheck } from './zero-residual.js';

beforeAll(useCpuBackend);

describe('lesson 1: zeroed residual branch', () => {
  it('gives exactly relu(x), and x itself for x ≥ 0', () => {
    const result = zeroResidualCheck({ size: 6, channels: 4, batch: 3, seed: 9 });
    expect(result.values).toBe(3 * 6 * 6 * 4);
    expect(result.maxDiffRelu).toBe(0);
    expect(result.maxDiffInput).toBe(0);
  });
});
