import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSchedule, learningRateAt } from './schedule.js';

const total = 1000;
const at = (kind: Parameters<typeof defaultSchedule>[0], step: number) => learningRateAt(defaultSchedule(kind), 0.1, step, total);

describe('learningRateAt', () => {
  it('step: the paper divides by 10 at 50 % and 75 % of training', () => {
    expect([0, 499, 500, 749, 750, 999].map((step) => at('step', step))).toEqual([0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1, 0.1 * 0.1 * 0.1, 0.1 * 0.1 * 0.1]);
  });

  it('cosine: starts at the base rate, halves at mid-training, ends near 0, never rises', () => {
    expect(at('cosine', 0)).toBeCloseTo(0.1, 12);
    expect(at('cosine', total / 2)).toBeCloseTo(0.05, 12);
    expect(at('cosine', total - 1)).toBeLessThan(1e-5);
    for (let step = 1; step < total; step++) expect(at('cosine', step)).toBeLessThanOrEqual(at('cosine', step - 1));
  });

  it('cosine with warm-up rises linearly first', () => {
    const schedule = { kind: 'cosine', warmup: 0.1 } as const;
    expect(learningRateAt(schedule, 0.1, 0, total)).toBeCloseTo(0.1 / 100, 12);
    expect(learningRateAt(schedule, 0.1, 49, total)).toBeCloseTo(0.05, 12);
    expect(learningRateAt(schedule, 0.1, 100, total)).toBeCloseTo(0.1, 12);
  });

  it("one-cycle: PyTorch OneCycleLR's defaults — base/25 → base at 30 % → base/25/1e4", () => {
    expect(at('one-cycle', 0)).toBeCloseTo(0.1 / 25, 12);
    expect(at('one-cycle', 299)).toBeCloseTo(0.1, 12);
    expect(at('one-cycle', total - 1)).toBeCloseTo(0.1 / 25 / 1e4, 12);
    const peak = Array.from({ length: total }, (_, step) => at('one-cycle', step));
    expect(peak.indexOf(Math.max(...peak))).toBe(299);
  });

  it('stays within (0, base] for every schedule and step', () => {
    fc.assert(
      fc.property(fc.constantFrom('constant', 'step', 'cosine', 'one-cycle' as const), fc.integer({ min: 0, max: total - 1 }), (kind, step) => {
        const lr = at(kind, step);
        expect(lr).toBeGreaterThanOrEqual(0);
        expect(lr).toBeLessThanOrEqual(0.1 + 1e-12);
      }),
    );
  });
});
