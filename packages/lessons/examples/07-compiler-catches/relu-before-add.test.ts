import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { correctBlockWithSameWeights, reluBeforeAddBlock, smallestChange } from './relu-before-add.js';

beforeAll(useCpuBackend);

describe('lesson 7: ReLU before the add', () => {
  it('property: with the ReLU before the add, a block never decreases any activation; the correct block does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (weightSeed, inputSeed) => {
        const buggy = reluBeforeAddBlock(weightSeed);
        const correct = correctBlockWithSameWeights(buggy);
        try {
          expect(smallestChange(buggy, inputSeed)).toBeGreaterThanOrEqual(0);
          expect(smallestChange(correct, inputSeed)).toBeLessThan(0);
        } finally {
          buggy.dispose();
          correct.dispose();
        }
      }),
      { numRuns: 20, seed: 42 },
    );
  });
});
