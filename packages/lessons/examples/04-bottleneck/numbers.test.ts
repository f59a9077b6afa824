import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';

beforeAll(useCpuBackend);

describe('lesson 4 numbers', () => {
  it('show the reference counts and a table built from real blocks', async () => {
    const values = await numbers();
    expect(values['bottleneck.params.twoConv3x3']).toBe(1_179_648);
    expect(values['bottleneck.params.bottleneck']).toBe(69_632);
    expect(values['bottleneck.params.basic64']).toBe(73_728);
    expect(values['bottleneck.ratio']).toBe(16.9);
    expect(values['bottleneck.exercise.expansion2']).toBe(212_992);
    expect(values['bottleneck.exercise.expansion2Ratio']).toBe(3.06); // 212,992 / 69,632
    const table = values['bottleneck.table'];
    expect(typeof table === 'object' && table.rows.map((row) => row[3])).toEqual([73_728, 69_632, 1_179_648]);
  });
});
