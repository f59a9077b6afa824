import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { convOutputSize } from '../output-size.js';
import { convTable } from './conv-table.generated.js';
import { convTableRows, renderConvTable } from './render-conv-table.js';

describe('conv-table.generated.ts', () => {
  test('is what the run-time formula generates today (else: npm run generate -w @residual/shapes)', () => {
    const committed = readFileSync(new URL('./conv-table.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderConvTable());
  });

  test('covers the grid: every padding kind, dilation, and sizes past 65,536', () => {
    const rows = convTableRows();
    expect(rows.length).toBe(convTable.length);
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['same', 'valid', 1, 3]));
    expect(rows.some((row) => row[4] === 2)).toBe(true);
    expect(Math.max(...rows.map((row) => row[0]))).toBeGreaterThan(65_536);
  });

  test('every row agrees with convOutputSize', () => {
    for (const [size, kernelSize, stride, padding, dilation, output] of convTable) {
      expect(convOutputSize(size, { kernelSize, stride, padding, dilation })).toBe(output);
    }
  });
});
