import { describe, expect, it } from 'vitest';
import { rowReduction } from './row-reduction.js';

describe('rowReduction', () => {
  it("views batch norm's statistics and global average pooling as [outer, rows, inner]", () => {
    expect(rowReduction([128, 32, 32, 64], [0, 1, 2])).toEqual({ outer: 1, rows: 131072, inner: 64 });
    expect(rowReduction([128, 8, 8, 512], [2, 1])).toEqual({ outer: 128, rows: 64, inner: 512 });
    expect(rowReduction([6, 5, 3], [1])).toEqual({ outer: 6, rows: 5, inner: 3 });
  });

  it('leaves the innermost axis, gaps between axes and empty inputs to the stock kernel', () => {
    expect(rowReduction([128, 10], [1])).toMatch(/innermost axis/);
    expect(rowReduction([4, 4, 4, 4], [0, 2])).toMatch(/not contiguous/);
    expect(rowReduction([4, 0, 4], [0])).toMatch(/empty/);
    expect(rowReduction([4, 4], [])).toMatch(/no axis/);
  });
});
