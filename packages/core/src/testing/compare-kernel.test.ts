import { describe, expect, it } from 'vitest';
import { maxRelativeError } from './compare-kernel.js';

describe('maxRelativeError', () => {
  it('divides the largest difference by the largest reference magnitude, at least 1', () => {
    expect(maxRelativeError([2, 4.5], [2, 4])).toBeCloseTo(0.5 / 4, 12);
    expect(maxRelativeError([0.1, 0.25], [0.1, 0.2])).toBeCloseTo(0.05, 12); // small values: divided by 1
    expect(maxRelativeError([1, 2], [1, 2])).toBe(0);
  });

  it('is infinite when the lengths differ or a value is NaN', () => {
    expect(maxRelativeError([1], [1, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(maxRelativeError([Number.NaN, 2], [1, 2])).toBe(Number.POSITIVE_INFINITY);
  });
});
