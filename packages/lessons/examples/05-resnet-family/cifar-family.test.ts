import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { cifarFamily, type CifarRow } from './cifar-family.js';
import { cifarTable6 } from '../06-ablation/paper-figures.js';

let rows: CifarRow[] = [];
beforeAll(async () => {
  await useCpuBackend();
  rows = cifarFamily();
});

describe('lesson 5: the CIFAR family', () => {
  it('has 6n + 2 layers on 32/16/8 maps with 16/32/64 filters', () => {
    expect(rows.map((row) => row.n)).toEqual([3, 5, 7, 9, 18]);
    for (const row of rows) {
      expect(row.layers).toBe(6 * row.n + 2);
      expect(row.stages).toEqual(['32×32×16', '16×16×32', '8×8×64']);
    }
  });

  it('option A has its plain twin’s parameters, option B two projections more, and both round to Table 6', () => {
    for (const row of rows) {
      expect(row.optionA).toBe(row.plain);
      expect(row.optionB - row.optionA).toBe(16 * 32 + 2 * 32 + 32 * 64 + 2 * 64); // 2,752
      const paper = cifarTable6[row.name].params;
      expect(Math.abs(row.optionA / 1e6 - paper)).toBeLessThan(paper < 1 ? 0.005 : 0.05);
    }
  });
});
