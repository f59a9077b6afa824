/**
 * Lesson 10's numbers: paths through ResNet-110 counted, and the live run's lesions and slices.
 */
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { runLiveExample } from '../../src/live-runner.js';
import type { LiveResult } from '../../src/live-types.js';
import { veitEffectivePaths } from '../06-ablation/paper-figures.js';
import { scientific } from '../shared/scientific.js';
import { lesionSlice } from './lesion-slice-live.js';
import { pathShare, pathsOfLength } from './paths.js';

/**
 * The numbers lesson 10 shows.
 *
 * @param defaultRun - the run of `lesion-slice` with its default settings (the reader's first Run), when the caller already has it (tests)
 * @example
 * (await numbers())['why.paths.resnet110Blocks']; // 54
 */
export async function numbers(defaultRun?: LiveResult): Promise<LessonNumbers> {
  const { summary } = defaultRun ?? (await runLiveExample(lesionSlice, { size: 'full' })).result;
  const value = (key: string): number | string => summary[key] ?? Number.NaN;
  const blocks = (veitEffectivePaths.network - 2) / 2; // ResNet-110: 6n + 2 layers, n = 18 blocks per stage → 54
  const fromBlocks = veitEffectivePaths.fromLayers / 2;
  const toBlocks = veitEffectivePaths.toLayers / 2;
  const liveBlocks = Number(value('blocks')); // the live example's network, with its default settings
  return {
    'why.paths.three': 2 ** 3,
    'why.paths.resnet110Blocks': blocks,
    'why.paths.resnet110': scientific(2 ** blocks, 1),
    'why.paths.middle': blocks / 2,
    'why.paths.middleShare': Number(((100 * pathsOfLength(blocks, blocks / 2)) / 2 ** blocks).toFixed(1)),
    'why.paths.effectiveFromLayers': veitEffectivePaths.fromLayers,
    'why.paths.effectiveToLayers': veitEffectivePaths.toLayers,
    'why.paths.effectiveFrom': fromBlocks,
    'why.paths.effectiveTo': toBlocks,
    'why.paths.effectiveShare': Number((100 * pathShare(blocks, fromBlocks, toBlocks)).toFixed(2)),
    'why.paths.small': 2 ** liveBlocks,
    'why.paths.smallAfterLesion': 2 ** (liveBlocks - 1),
    'why.live.blocks': value('blocks'),
    'why.live.steps': value('steps'),
    'why.live.plainAccuracy': value('plainAccuracy'),
    'why.live.residualAccuracy': value('residualAccuracy'),
    'why.live.plainMean': value('plainMeanWithoutOne'),
    'why.live.residualMean': value('residualMeanWithoutOne'),
    'why.live.plainWorst': value('plainWorstWithoutOne'),
    'why.live.residualWorst': value('residualWorstWithoutOne'),
    'why.live.plainMeanTwo': value('plainMeanWithoutTwo'),
    'why.live.residualMeanTwo': value('residualMeanWithoutTwo'),
    'why.live.plainMinima': value('plainSliceMinima'),
    'why.live.residualMinima': value('residualSliceMinima'),
  };
}
