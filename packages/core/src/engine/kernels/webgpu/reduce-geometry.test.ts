import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReduce, reduceGeometry } from './reduce-geometry.js';

const options = { threads: 256, targetWorkgroups: 512, minRowsPerThread: 8 };

describe('reduceGeometry', () => {
  it("adds the width of the WebGPU loads to rowReduction's view, and passes its reasons on", () => {
    expect(reduceGeometry([128, 32, 32, 64], [0, 1, 2])).toEqual({ outer: 1, rows: 131072, inner: 64, width: 4 });
    expect(reduceGeometry([128, 8, 8, 512], [2, 1])).toEqual({ outer: 128, rows: 64, inner: 512, width: 4 });
    expect(reduceGeometry([6, 5, 3], [1])).toEqual({ outer: 6, rows: 5, inner: 3, width: 1 });
    expect(reduceGeometry([128, 10], [1])).toMatch(/innermost axis/);
  });
});

describe('planReduce', () => {
  it('splits the rows of a per-channel statistic over enough workgroups to fill a GPU', () => {
    const plan = planReduce({ outer: 1, rows: 131072, inner: 64, width: 4 }, options);
    expect(plan).toEqual({ columnThreads: 16, rowThreads: 16, splits: 512, rowsPerSplit: 256 });
  });

  it('does not split when columns and batches already fill the launch', () => {
    const plan = planReduce({ outer: 256, rows: 64, inner: 512, width: 4 }, options); // 2 column groups × 256 = 512
    expect(plan).toMatchObject({ columnThreads: 64, rowThreads: 4, splits: 1, rowsPerSplit: 64 });
  });

  it('covers every row exactly once, with no empty split and at least the least work per thread', () => {
    const geometry = fc.record({
      outer: fc.integer({ min: 1, max: 64 }),
      rows: fc.integer({ min: 1, max: 300000 }),
      inner: fc.integer({ min: 1, max: 1024 }),
    });
    fc.assert(
      fc.property(geometry, fc.constantFrom(64, 128, 256), ({ outer, rows, inner }, threads) => {
        const plan = planReduce({ outer, rows, inner, width: inner % 4 === 0 ? 4 : 1 }, { ...options, threads });
        expect(plan.columnThreads * plan.rowThreads).toBe(threads);
        expect(plan.rowThreads).toBeGreaterThanOrEqual(4);
        expect(plan.splits * plan.rowsPerSplit).toBeGreaterThanOrEqual(rows);
        expect((plan.splits - 1) * plan.rowsPerSplit).toBeLessThan(rows);
        if (plan.splits > 1) expect(plan.rowsPerSplit).toBeGreaterThanOrEqual(plan.rowThreads * options.minRowsPerThread);
      }),
      { numRuns: 200 },
    );
  });

  it('names the rule when the thread count is not a power of two', () => {
    expect(() => planReduce({ outer: 1, rows: 8, inner: 4, width: 4 }, { ...options, threads: 96 })).toThrow(
      'planReduce: threads must be a power of two of at least 4, but got 96. Pass e.g. 256.',
    );
  });
});
