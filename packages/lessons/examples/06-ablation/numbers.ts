/**
 * Lesson 6's numbers: the live ablation's small run, the size of the seeds' network, and the
 * paper's reported errors (cited).
 */
import { countParams, cifarResnet18 } from '@residual/core';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { paperTestError } from './paper-figures.js';
import { ablationTiny } from './tiny-ablation.js';

/**
 * The numbers lesson 6 shows.
 *
 * @param smallRun - the small run of `ablation-tiny`, when the caller already has it (tests)
 * @example
 * (await numbers())['ablation.tiny.blocks']; // 6
 */
export async function numbers(smallRun?: LiveResult): Promise<LessonNumbers> {
  const { summary } = smallRun ?? (await ablationTiny.run({ size: 'small', signal: new AbortController().signal, onProgress: () => {} }));
  const seeds = cifarResnet18({ seed: 0 });
  const params = countParams(seeds).trainable;
  seeds.dispose();
  const value = (key: string): number | string => summary[key] ?? Number.NaN;
  return {
    'ablation.paper.resnet20Error': paperTestError.resnet20,
    'ablation.paper.resnet56Error': paperTestError.resnet56,
    'ablation.cifarResnet18.params': params,
    'ablation.tiny.blocks': value('blocks'),
    'ablation.tiny.steps': value('steps'),
    'ablation.tiny.plainLoss': value('plainFinalLoss'),
    'ablation.tiny.residualLoss': value('residualFinalLoss'),
    'ablation.tiny.plainAccuracy': value('plainTrainAccuracy'),
    'ablation.tiny.residualAccuracy': value('residualTrainAccuracy'),
  };
}
