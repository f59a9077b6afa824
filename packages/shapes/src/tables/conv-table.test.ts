import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Padding } from '../output-size.js';
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

  test('every row is the number of window positions, counted one by one', () => {
    // The formula's outputs are checked against a count: step the window's first tap by S over the
    // padded input (P zeros per side; 'same' pads so that every S-th position starts a window) and
    // count the starts whose last tap, D·(K − 1) further, still lies inside.
    const windows = (size: number, kernel: number, stride: number, padding: Padding, dilation: number): number => {
      const span = dilation * (kernel - 1);
      const padded = padding === 'same' ? size : size + 2 * (padding === 'valid' ? 0 : padding);
      let count = 0;
      for (let start = 0; padding === 'same' ? start < size : start + span < padded; start += stride) count++;
      return count;
    };
    const wrong = convTable.filter(([size, kernel, stride, padding, dilation, output]) => windows(size, kernel, stride, padding, dilation) !== output);
    expect(wrong).toEqual([]);
    expect(windows(224, 7, 2, 3, 1)).toBe(112); // the count itself: ResNet's stem
    expect(windows(5, 3, 1, 'valid', 2)).toBe(1);
  });
});
