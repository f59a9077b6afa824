/**
 * Lesson 8's numbers: the initialization rules computed, the library's kernels measured, the live
 * run's signal sizes, and the zero-γ and Fixup figures for the library's networks.
 */
import { buildModel, type ModelName } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { runLiveExample } from '../../src/live-runner.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import type { LiveResult } from '../../src/live-types.js';
import { scientific } from '../shared/scientific.js';
import { initScale, initScaleConfig } from './init-scale-live.js';
import { libraryKernelStd } from './library-init.js';
import { initStd } from './variance-through-depth.js';
import { zeroInitResidual } from './zero-init-residual.js';

const significant = (value: number, digits = 3): number => Number(value.toPrecision(digits));

/** How many batch norms `zeroInitResidual` sets to zero in a built model. */
function zeroedIn(name: ModelName): number {
  const model = buildModel(name, { inputShape: [32, 32, 3], seed: 0 });
  try {
    return zeroInitResidual(model.layersModel).length;
  } finally {
    model.dispose();
  }
}

/**
 * The numbers lesson 8 shows.
 *
 * @param defaultRun - the run of `init-scale` with its default settings (the reader's first Run), when the caller already has it (tests)
 * @example
 * (await numbers())['init.library.fanOut']; // 0.0417
 */
export async function numbers(defaultRun?: LiveResult): Promise<LessonNumbers> {
  const { summary } = defaultRun ?? (await runLiveExample(initScale, { size: 'full' })).result;
  const value = (key: string): number | string => summary[key] ?? Number.NaN;
  const { layers, width } = initScaleConfig(resolveLiveSettings(initScale, 'full')).dense;
  const kernel = libraryKernelStd(64, 128);
  const fixupBlocks = 54; // ResNet-110: 3 stages of 18 blocks, two layers in each branch
  return {
    'init.he.std64': significant(initStd('he', 9 * 64, 9 * 64)),
    'init.library.measured': significant(kernel.measured),
    'init.library.fanOut': significant(kernel.fanOut),
    'init.library.fanIn': significant(kernel.fanIn),
    'init.library.glorot': significant(initStd('glorot', 9 * 64, 9 * 128)),
    'init.dense.layers': layers,
    'init.dense.width': width,
    'init.glorot.predicted': scientific(2 ** (-layers / 2), 2), //   a factor √½ per layer
    'init.fixed.perLayer': significant(0.01 * Math.sqrt(width / 2)), // 0.01 · √(½ · fan_in)
    'init.live.heLast': value('heLast'),
    'init.live.glorotLast': scientific(Number(value('glorotLast')), 2),
    'init.live.fixedLast': scientific(Number(value('fixedLast')), 1),
    'init.live.blocks': value('blocks'),
    'init.live.residualLast': value('residualRmsLast'),
    'init.live.changeFirst': value('residualChangeFirst'),
    'init.live.changeLast': value('residualChangeLast'),
    'init.live.zeroGammaLast': value('zeroGammaLast'),
    'init.live.plainLast': value('plainRmsLast'),
    'init.zeroInit.resnet20': zeroedIn('resnet20'),
    'init.zeroInit.resnet50': zeroedIn('resnet50'),
    'init.fixup.blocks': fixupBlocks,
    'init.fixup.scale110': significant(fixupBlocks ** (-1 / (2 * 2 - 2))), // L^(−1/(2m−2)), m = 2
    'init.exercise.he256': significant(initStd('he', 9 * 256, 9 * 256)),
  };
}
