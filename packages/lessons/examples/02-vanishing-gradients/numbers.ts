/**
 * Lesson 2's numbers: compounding and sigmoid slopes computed, gradient norms measured.
 */
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { bestSigmoidChain, compound, grow, maxSigmoidSlope, shrink, sigmoid, sigmoidSlope } from './compounding.js';
import { runLiveExample } from '../../src/live-runner.js';
import { gradNorms } from './grad-norms-live.js';
import { scientific } from '../shared/scientific.js';

const significant = (value: number, digits = 3): number => Number(value.toPrecision(digits));

/**
 * The numbers lesson 2 shows.
 *
 * @param measuredRun - the default run of `grad-norms` (the reader's first Run), when the caller already has it (tests)
 * @example
 * (await numbers())['gradients.sigmoid.maxSlope']; // 0.25
 */
export async function numbers(measuredRun?: LiveResult): Promise<LessonNumbers> {
  const peak = maxSigmoidSlope();
  const measured = measuredRun ?? (await runLiveExample(gradNorms, { size: 'full' })).result;
  return {
    'gradients.pow.shrink': significant(shrink),
    'gradients.pow.grow': significant(grow),
    'gradients.sigmoid.maxSlope': peak.slope,
    'gradients.sigmoid.maxAt': peak.at,
    'gradients.sigmoid.chain10': scientific(bestSigmoidChain(10), 2),
    'gradients.norms.blocks': measured.summary['blocks'] ?? Number.NaN,
    'gradients.norms.plainSpread': significant(Number(measured.summary['plainSpread']), 2),
    'gradients.norms.residualSpread': significant(Number(measured.summary['residualSpread']), 2),
    'gradients.exercise.nine': significant(compound(0.9, 50), 2),
    'gradients.exercise.ninetyFive': significant(compound(0.95, 50), 2),
    'gradients.exercise.sigmoidAt5': significant(sigmoid(5), 4),
    'gradients.exercise.slopeAt5': significant(sigmoidSlope(5), 2),
  };
}
