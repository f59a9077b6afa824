import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';

beforeAll(useCpuBackend);

describe('lesson 1 numbers', () => {
  it('come from the built block', async () => {
    const values = await numbers();
    expect(values['residual.block.shape']).toBe('[N, 32, 32, 64]');
    // two 3×3 convs at 64 channels (2 · 9 · 64 · 64) plus γ and β of two BNs (4 · 64)
    expect(values['residual.block.params']).toBe(2 * 9 * 64 * 64 + 4 * 64);
    expect(values['residual.zero.maxDiffRelu']).toBe(0);
    expect(values['residual.zero.maxDiffInput']).toBe(0);
    expect(values['residual.start.atZero']).toBe(0);
    expect(values['residual.start.atOne']).toBeGreaterThan(0.1);
  });
});
