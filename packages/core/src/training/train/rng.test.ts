import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('repeats for a seed and continues exactly from a saved state', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 50 }), (seed, skip) => {
        const a = Rng.fromSeed(seed);
        const b = Rng.fromSeed(seed);
        for (let i = 0; i < skip; i++) a.nextUint32();
        const resumed = Rng.fromState(a.state());
        const next = Array.from({ length: 5 }, () => a.next());
        expect(Array.from({ length: 5 }, () => resumed.next())).toEqual(next);
        for (let i = 0; i < skip; i++) b.nextUint32();
        expect(b.next()).toBe(next[0]);
      }),
    );
  });

  it('gives unrelated streams for neighbouring seeds', () => {
    expect(Rng.fromSeed(1).nextUint32()).not.toBe(Rng.fromSeed(2).nextUint32());
  });

  it('draws floats in [0, 1) with a plausible mean and integers in range', () => {
    const rng = Rng.fromSeed(99);
    const draws = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.abs(draws.reduce((sum, value) => sum + value, 0) / draws.length - 0.5)).toBeLessThan(0.01);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[rng.int(6)]! += 1;
    counts.forEach((count) => expect(Math.abs(count - 1000)).toBeLessThan(120));
  });

  it('permutes: every index exactly once', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const order = Array.from(Rng.fromSeed(seed).permutation(n));
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });
});
