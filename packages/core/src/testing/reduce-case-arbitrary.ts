import fc from 'fast-check';
import type { SeededInput } from './compare-kernel.js';

/** One `Sum` / `Mean` call to check: its input and attributes. */
export interface ReduceCase {
  readonly x: SeededInput;
  readonly axis: number[];
  readonly keepDims: boolean;
}

/**
 * Shapes of rank 2–4 (sizes 1–9, channel counts with and without a multiple of 4) and a
 * contiguous run of their axes that stops before the last one: the reductions Residual's kernel
 * takes (batch norm's statistics, global pooling).
 */
export const reduceCaseArbitrary: fc.Arbitrary<ReduceCase> = fc
  .array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      first: fc.integer({ min: 0, max: shape.length - 2 }),
      count: fc.integer({ min: 1, max: shape.length - 1 }),
      keepDims: fc.boolean(),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    }),
  )
  .map(({ shape, first, count, keepDims, seed }) => ({
    x: [shape, seed] as const,
    axis: Array.from({ length: Math.min(count, shape.length - 1 - first) }, (_, i) => first + i),
    keepDims,
  }));
