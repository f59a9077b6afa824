import { describe, expect, it } from 'vitest';
import type { FamilyRow } from './family-table.js';
import { flopsPerMac, paperGap } from './paper-gap.js';

const row = (name: FamilyRow['name'], macs: number, macsV1: number): FamilyRow => ({ name, layers: 0, sizes: [], channels: 0, params: 0, macs, macsV1 });

describe('lesson 5: the gap to the paper', () => {
  it('is the largest relative difference, in percent, one decimal', () => {
    // ResNet-34: torchvision's 3.664 G against the paper's 3.6 G
    expect(paperGap([row('resnet34', 3.664e9, 3.664e9)], false)).toBe(1.8);
    expect(paperGap([row('resnet18', 1.8e9, 1.8e9), row('resnet34', 3.664e9, 3.664e9)], false)).toBe(1.8);
  });

  it('compares the v1 count when asked', () => {
    expect(paperGap([row('resnet50', 4.089e9, 3.8e9)], true)).toBe(0);
    expect(paperGap([row('resnet50', 4.089e9, 3.8e9)], false)).toBe(7.6);
  });

  it('refuses an empty table', () => {
    expect(() => paperGap([], false)).toThrow('paperGap: rows must hold at least one model, but got none. Pass rows of familyTable().');
  });

  it('counts a MAC as two FLOPs', () => {
    expect(flopsPerMac).toBe(2);
  });
});
