import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';

beforeAll(useCpuBackend);

describe('lesson 7 numbers', () => {
  it('measure the two design bugs', async () => {
    const values = await numbers();
    expect(values['compiler.reluBeforeAdd.buggyMin']).toBeGreaterThanOrEqual(0);
    expect(values['compiler.reluBeforeAdd.correctMin']).toBeLessThan(0);
    expect(values['compiler.softmax.floor']).toBe(Number((Math.log(Math.E + 9) - 1).toFixed(3)));
    expect(values['compiler.softmax.gradRatio']).toBeLessThan(0.5);
  });
});
