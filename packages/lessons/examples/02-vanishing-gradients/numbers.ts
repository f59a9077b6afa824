/**
 * Lesson 2's numbers: compounding and sigmoid slopes computed, gradient norms measured.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerTrainingKernels } from '@residual/core/engine';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { bestSigmoidChain, compound, grow, maxSigmoidSlope, shrink, sigmoid, sigmoidSlope } from './compounding.js';
import { runLiveExample } from '../../src/live-runner.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import { depthSweep } from './depth-sweep.js';
import { gradNormConfig, gradNorms } from './grad-norms-live.js';
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
  registerTrainingKernels(tf.getBackend()); // the gradient kernels the backend may lack
  // Exercise 3: the default settings with only the depth changed.
  const sweep = await depthSweep(gradNormConfig(resolveLiveSettings(gradNorms, 'full')), [4, 8, 16, 32]);
  const [, , sixteen, thirtyTwo] = sweep;
  if (sixteen === undefined || thirtyTwo === undefined) throw new Error('numbers: the depth sweep must measure 16 and 32 blocks, but it did not. Check depthSweep.');
  return {
    'gradients.pow.shrink': significant(shrink),
    'gradients.pow.grow': significant(grow),
    'gradients.sigmoid.maxSlope': peak.slope,
    'gradients.sigmoid.maxAt': peak.at,
    'gradients.sigmoid.chain10': scientific(bestSigmoidChain(10), 2),
    'gradients.norms.blocks': measured.summary['blocks'] ?? Number.NaN,
    'gradients.norms.plainSpread': significant(Number(measured.summary['plainSpread']), 2),
    'gradients.norms.residualSpread': significant(Number(measured.summary['residualSpread']), 2),
    'gradients.depth.table': {
      columns: [{ en: 'blocks', 'zh-cn': '块数' }, { en: 'plain: largest ÷ smallest', 'zh-cn': '普通：最大 ÷ 最小' }, { en: 'residual: largest ÷ smallest', 'zh-cn': '残差：最大 ÷ 最小' }],
      rows: sweep.map((row) => [row.blocks, significant(row.plain), significant(row.residual)]),
    },
    'gradients.depth.plain32': significant(thirtyTwo.plain, 2),
    'gradients.depth.residual32': significant(thirtyTwo.residual, 2),
    // the factor per added block from 16 to 32 blocks: (spread₃₂ / spread₁₆)^(1/16)
    'gradients.depth.plainPerBlock': significant((thirtyTwo.plain / sixteen.plain) ** (1 / 16), 2),
    'gradients.depth.residualDoubling': significant(thirtyTwo.residual / sixteen.residual, 2),
    'gradients.exercise.nine': significant(compound(0.9, 50), 2),
    'gradients.exercise.ninetyFive': significant(compound(0.95, 50), 2),
    'gradients.exercise.sigmoidAt5': significant(sigmoid(5), 4),
    'gradients.exercise.slopeAt5': significant(sigmoidSlope(5), 2),
  };
}
