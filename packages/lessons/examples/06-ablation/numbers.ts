/**
 * Lesson 6's numbers: the live ablation's small run, the size of the seeds' network, the last epoch
 * of the recorded subset run, and the paper's reported errors (cited).
 */
import { countParams, cifarResnet18, plain20, resnet20 } from '@residual/core';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { loadResults } from '../../src/results.js';
import { paperBatchSize, subset, subsetModels } from './commands.js';
import { paperIterations, paperTestError } from './paper-figures.js';
import { ablationTiny } from './tiny-ablation.js';

/**
 * The last recorded epoch of each network in `results/ablation-cifar-depth-subset.jsonl`: its
 * training and test accuracy (fractions), e.g. `ablation.subset.plain56TrainAccuracy`.
 *
 * @example
 * subsetNumbers()['ablation.subset.resnet56TestAccuracy']; // the recorded value
 */
export function subsetNumbers(): LessonNumbers {
  const runs = loadResults('ablation-cifar-depth-subset')?.runs ?? [];
  const found: Record<string, number> = {};
  for (const model of subsetModels) {
    const last = runs.filter((run) => run['model'] === model).at(-1);
    if (last === undefined) throw new Error(`subsetNumbers: results/ablation-cifar-depth-subset.jsonl must record ${model}, but has no line for it. Record the run with examples/06-ablation/record-run.ts.`);
    found[`ablation.subset.${model}TrainAccuracy`] = Number(last['trainAccuracy']);
    found[`ablation.subset.${model}TestAccuracy`] = Number(last['testAccuracy']);
  }
  return found;
}

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
  // ResNet-20 as recorded (projection shortcuts, option B) against its plain twin
  const [projected, plain] = [resnet20({ seed: 0 }), plain20({ seed: 0 })];
  const projectionParams = countParams(projected).trainable - countParams(plain).trainable;
  projected.dispose();
  plain.dispose();
  const subsetSteps = subset.epochs * Math.ceil(subset.images / paperBatchSize);
  return {
    'ablation.paper.resnet20Error': paperTestError.resnet20,
    'ablation.paper.resnet56Error': paperTestError.resnet56,
    'ablation.paper.iterations': paperIterations,
    'ablation.subset.steps': subsetSteps,
    'ablation.subset.paperPercent': Number(((100 * subsetSteps) / paperIterations).toFixed(1)),
    'ablation.subset.projectionParams': projectionParams,
    'ablation.cifarResnet18.params': params,
    'ablation.tiny.blocks': value('blocks'),
    'ablation.tiny.steps': value('steps'),
    'ablation.tiny.plainLoss': value('plainFinalLoss'),
    'ablation.tiny.residualLoss': value('residualFinalLoss'),
    'ablation.tiny.plainAccuracy': value('plainTrainAccuracy'),
    'ablation.tiny.residualAccuracy': value('residualTrainAccuracy'),
    ...subsetNumbers(),
  };
}
