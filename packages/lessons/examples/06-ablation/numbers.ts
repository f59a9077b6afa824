/**
 * Lesson 6's numbers: the live ablation's small run, the size of ResNet-18 with a 3×3 stem for
 * CIFAR-10 (the network of the shortcut ablation), the last epoch of the recorded subset run, and
 * the paper's reported errors (cited).
 */
import { countParams, cifarResnet18 } from '@residual/core';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { loadResults } from '../../src/results.js';
import { paperBatchSize, subset, subsetModels } from './commands.js';
import { paperIterations, paperTestError } from './paper-figures.js';
import { runLiveExample } from '../../src/live-runner.js';
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
 * @param defaultRun - the default run of `ablation-tiny` (the reader's first Run), when the caller already has it (tests)
 * @example
 * (await numbers())['ablation.tiny.blocks']; // 6
 */
export async function numbers(defaultRun?: LiveResult): Promise<LessonNumbers> {
  const { summary } = defaultRun ?? (await runLiveExample(ablationTiny, { size: 'full' })).result;
  const cifarModel = cifarResnet18({ seed: 0 });
  const params = countParams(cifarModel).trainable;
  cifarModel.dispose();
  const value = (key: string): number | string => summary[key] ?? Number.NaN;
  return {
    'ablation.paper.resnet20Error': paperTestError.resnet20,
    'ablation.paper.resnet56Error': paperTestError.resnet56,
    'ablation.paper.iterations': paperIterations,
    'ablation.subset.steps': subset.epochs * Math.ceil(subset.images / paperBatchSize),
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
