import { describe, expect, it } from 'vitest';
import { bestSigmoidChain, compound, grow, maxSigmoidSlope, shrink, sigmoidSlope } from './compounding.js';

describe('lesson 2: compounding', () => {
  it('matches Math.pow and the reference values 0.99^365 ≈ 0.0255 and 1.01^365 ≈ 37.8', () => {
    expect(compound(0.99, 365)).toBeCloseTo(Math.pow(0.99, 365), 12);
    expect(shrink).toBeCloseTo(0.0255, 4);
    expect(grow).toBeCloseTo(37.78, 2);
    expect(compound(3, 0)).toBe(1);
  });

  it('finds the sigmoid slope peak 0.25 at z = 0', () => {
    const peak = maxSigmoidSlope();
    expect(peak.slope).toBe(0.25);
    expect(peak.at).toBe(0);
    expect(sigmoidSlope(2)).toBeLessThan(peak.slope);
    expect(bestSigmoidChain(10)).toBeCloseTo(Math.pow(0.25, 10), 15);
  });
});
