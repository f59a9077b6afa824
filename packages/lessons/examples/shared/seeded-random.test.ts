import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and differs for another seed', () => {
    const first = Array.from({ length: 5 }, seededRandom(7));
    const again = Array.from({ length: 5 }, seededRandom(7));
    const other = Array.from({ length: 5 }, seededRandom(8));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
