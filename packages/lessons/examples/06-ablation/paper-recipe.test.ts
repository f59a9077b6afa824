import { describe, expect, it } from 'vitest';
import { defaultSchedule } from '@residual/core/training';
import { paperBatchSize, paperRecipe } from './commands.js';
import { paperIterations, paperMilestones } from './paper-figures.js';

// The lesson says the command's 164 epochs on 50,000 images are the paper's 64k iterations, with
// the step schedule's 50 % and 75 % at its 32k and 48k.
describe('lesson 6: the recipe in iterations', () => {
  const epochs = Number(/--epochs (\d+)/.exec(paperRecipe)?.[1]);
  const iterations = epochs * Math.ceil(50_000 / paperBatchSize);

  it('164 epochs of batch 128 are the paper’s 64k iterations (within 1 %)', () => {
    expect(epochs).toBe(164);
    expect(Math.abs(iterations / paperIterations - 1)).toBeLessThan(0.01);
  });

  it('the step schedule divides at 50 % and 75 %: the paper’s 32k and 48k of 64k', () => {
    const { milestones } = defaultSchedule('step') as { milestones: readonly number[] };
    expect(milestones.map((fraction) => fraction * paperIterations)).toEqual([...paperMilestones]);
    expect(paperRecipe).toContain('--momentum 0.9 --schedule step');
  });
});
