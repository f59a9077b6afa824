import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';

beforeAll(useCpuBackend);

describe('lesson 2 numbers', () => {
  it('are the computed reference values and the measured spreads', async () => {
    const values = await numbers();
    expect(values['gradients.pow.shrink']).toBe(0.0255);
    expect(values['gradients.pow.grow']).toBe(37.8);
    expect(values['gradients.sigmoid.maxSlope']).toBe(0.25);
    expect(values['gradients.sigmoid.maxAt']).toBe(0);
    expect(values['gradients.sigmoid.chain10']).toBe('9.54 × 10⁻⁷');
    expect(values['gradients.exercise.nine']).toBe(0.0052);
    expect(Number(values['gradients.norms.plainSpread'])).toBeGreaterThan(2 * Number(values['gradients.norms.residualSpread']));
  });
});
