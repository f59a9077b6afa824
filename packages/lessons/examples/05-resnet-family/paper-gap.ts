/**
 * Lesson 5: how far the library's MAC counts are from the paper's rounded figures, and MACs as FLOPs.
 */
import type { FamilyRow } from './family-table.js';
import { paperGflops } from './published-figures.js';

/** Floating-point operations per multiply-accumulate: one multiply and one add. */
export const flopsPerMac = 2;

/**
 * The largest relative difference, in percent, between the paper's Table 1 "FLOPs" (multiply-adds,
 * given to one decimal) and the library's count, over the given rows. `v1` compares the count with
 * the stride moved back to the first 1×1 convolution of a downsampling bottleneck (the paper's
 * version); basic-block models have no such convolution, so both counts are the same for them.
 *
 * @param rows - rows of the family table
 * @param v1 - compare `macsV1` instead of `macs`
 * @returns the largest |library / paper − 1| · 100, rounded to one decimal
 * @example
 * paperGap(rows.filter((row) => row.name === 'resnet34'), false); // 1.8 (3.664 against 3.6)
 */
export function paperGap(rows: readonly FamilyRow[], v1: boolean): number {
  const gaps = rows.map((row) => Math.abs((v1 ? row.macsV1 : row.macs) / 1e9 / paperGflops[row.name] - 1) * 100);
  if (gaps.length === 0) throw new Error('paperGap: rows must hold at least one model, but got none. Pass rows of familyTable().');
  return Number(Math.max(...gaps).toFixed(1));
}
