/**
 * Lesson 6's numbers: the live ablation's small run, the size of ResNet-18 with a 3×3 stem for
 * CIFAR-10 (the network of the shortcut ablation), the last epoch of the recorded subset run, and
 * the paper's reported errors (cited).
 */
import { countParams, cifarResnet18, plain18, plain20, plain34, resnet20, resnet20a, type ResNetModel } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import type { LiveResult } from '../../src/live-types.js';
import { loadResults } from '../../src/results.js';
import { paperBatchSize, subset, subsetModels } from './commands.js';
import { cifarTable6, imagenetTable2, paperIterations, paperTestError, shortcutOptionsTable3 } from './paper-figures.js';
import { basicDepths, shortcutOptionParams } from './shortcut-options.js';
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

/** Trainable parameters of a built model, which is then disposed. */
function paramsOf(model: ResNetModel): number {
  try {
    return countParams(model).trainable;
  } finally {
    model.dispose();
  }
}

/** Percentage points between two cited error rates, to two decimals. */
const points = (worse: number, better: number): number => Number((worse - better).toFixed(2));

/**
 * The paper's ImageNet evidence (Tables 2 and 3): cited errors beside parameter counts computed
 * from the library's blocks.
 *
 * @example
 * imagenetNumbers()['ablation.imagenet.extraProjections']; // 13
 */
export function imagenetNumbers(): LessonNumbers {
  // Option A adds no parameters: its count is the plain network's (shortcut-options.test.ts checks
  // that on the built ResNet-34 A). B and C are built here.
  const plain = { 18: paramsOf(plain18({ inputShape: [64, 64, 3], seed: 0 })), 34: paramsOf(plain34({ inputShape: [64, 64, 3], seed: 0 })) };
  const built34 = shortcutOptionParams(basicDepths.resnet34, ['B', 'C']);
  const options34 = { A: plain[34], B: built34.B ?? Number.NaN, C: built34.C ?? Number.NaN, extraProjectionsC: built34.extraProjectionsC };
  const header = (en: string, zh: string) => ({ en, 'zh-cn': zh });
  return {
    'ablation.imagenet.table2': {
      columns: [header('layers', '层数'), header('plain: top-1 error (%)', '普通：top-1 误差（%）'), header('ResNet (A): top-1 error (%)', 'ResNet（A）：top-1 误差（%）'), header('plain parameters', '普通网络参数'), header('ResNet (A) parameters', 'ResNet（A）参数')],
      rows: [
        [18, imagenetTable2.plain18, imagenetTable2.resnet18, plain[18], plain[18]],
        [34, imagenetTable2.plain34, imagenetTable2.resnet34, plain[34], options34.A],
      ],
      digits: [0, 2, 2, 0, 0],
    },
    'ablation.imagenet.plainWorse': points(imagenetTable2.plain34, imagenetTable2.plain18),
    'ablation.imagenet.resnetBetter': points(imagenetTable2.resnet18, imagenetTable2.resnet34),
    'ablation.imagenet.resnetVsPlain34': points(imagenetTable2.plain34, imagenetTable2.resnet34),
    'ablation.imagenet.table3': {
      columns: [header('network', '网络'), header('top-1 error (%)', 'top-1 误差（%）'), header('top-5 error (%)', 'top-5 误差（%）'), header('parameters', '参数')],
      rows: [
        ['plain-34', shortcutOptionsTable3.plain34.top1, shortcutOptionsTable3.plain34.top5, plain[34]],
        ['ResNet-34 A', shortcutOptionsTable3.A.top1, shortcutOptionsTable3.A.top5, options34.A],
        ['ResNet-34 B', shortcutOptionsTable3.B.top1, shortcutOptionsTable3.B.top5, options34.B],
        ['ResNet-34 C', shortcutOptionsTable3.C.top1, shortcutOptionsTable3.C.top5, options34.C],
      ],
      digits: [undefined, 2, 2, 0],
    },
    'ablation.imagenet.aToC': points(shortcutOptionsTable3.A.top1, shortcutOptionsTable3.C.top1),
    'ablation.imagenet.plainToA': points(shortcutOptionsTable3.plain34.top1, shortcutOptionsTable3.A.top1),
    'ablation.imagenet.extraProjections': options34.extraProjectionsC,
    'ablation.imagenet.bExtraParams': options34.B - options34.A,
    'ablation.imagenet.cExtraParams': options34.C - options34.B,
    'ablation.paper.resnet110Mean': cifarTable6.resnet110.mean,
    'ablation.paper.resnet110Std': cifarTable6.resnet110.std,
  };
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
  // ResNet-20 as recorded (projection shortcuts, option B) and as the paper built it (option A),
  // against their plain twin
  const plainParams = paramsOf(plain20({ seed: 0 }));
  const projectionParams = paramsOf(resnet20({ seed: 0 })) - plainParams;
  const optionAParams = paramsOf(resnet20a({ seed: 0 }));
  const subsetSteps = subset.epochs * Math.ceil(subset.images / paperBatchSize);
  return {
    'ablation.paper.resnet20Error': paperTestError.resnet20,
    'ablation.paper.resnet56Error': paperTestError.resnet56,
    'ablation.paper.iterations': paperIterations,
    'ablation.subset.steps': subsetSteps,
    'ablation.subset.paperPercent': Number(((100 * subsetSteps) / paperIterations).toFixed(1)),
    'ablation.subset.projectionParams': projectionParams,
    'ablation.paper.resnet20aParams': optionAParams,
    'ablation.paper.plain20Params': plainParams,
    ...imagenetNumbers(),
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
