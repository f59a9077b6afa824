/**
 * Lesson 9's numbers: the switched-off branch of both designs, the live gradient comparison, the
 * pre-activation ResNet's size, and the Identity Mappings paper's ablations (cited).
 */
import { countParams, preactResnet110, resnet110a, type ResNetModel } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { runLiveExample } from '../../src/live-runner.js';
import type { LiveResult } from '../../src/live-types.js';
import { activationTable2, preActivation1001Table3, shortcutTable1 } from '../06-ablation/paper-figures.js';
import { scientific } from '../shared/scientific.js';
import { identityAnySign } from './identity-any-sign.js';
import { preactGradients } from './stream-gradients-live.js';

/** Trainable parameters of a built model, which is then disposed. */
function paramsOf(model: ResNetModel): number {
  try {
    return countParams(model).trainable;
  } finally {
    model.dispose();
  }
}

/**
 * The numbers lesson 9 shows.
 *
 * @param defaultRun - the run of `preact-gradients` with its default settings (the reader's first Run), when the caller already has it (tests)
 * @example
 * (await numbers())['preact.zero.preactMaxDiff']; // 0
 */
export async function numbers(defaultRun?: LiveResult): Promise<LessonNumbers> {
  const { summary } = defaultRun ?? (await runLiveExample(preactGradients, { size: 'full' })).result;
  const value = (key: string): number | string => summary[key] ?? Number.NaN;
  const signs = identityAnySign(1);
  const header = (en: string, zh: string) => ({ en, 'zh-cn': zh });
  const table2 = activationTable2;
  return {
    'preact.zero.preactMaxDiff': signs.preactMaxDiff,
    'preact.zero.originalMaxDiff': Number(signs.originalMaxDiff.toFixed(3)),
    'preact.zero.negativePart': Number(signs.negativePart.toFixed(3)),
    'preact.params.preact110': paramsOf(preactResnet110({ seed: 0 })),
    'preact.params.resnet110a': paramsOf(resnet110a({ seed: 0 })),
    'preact.live.blocks': value('blocks'),
    'preact.live.originalDirect': value('originalDirectAtFirst'),
    'preact.live.preactDirect': value('preactDirectAtFirst'),
    'preact.live.originalGrowth': value('originalGrowth'),
    'preact.live.preactGrowth': value('preactGrowth'),
    'preact.table1.original': shortcutTable1.original,
    'preact.table1.scaling': shortcutTable1.constantScalingHalf,
    'preact.table1.conv': shortcutTable1.conv1x1Shortcut,
    'preact.table2': {
      columns: [header('unit, in order (Fig. 4 of the paper)', '单元，按运算顺序（论文图 4）'), header('ResNet-110 (%)', 'ResNet-110（%）'), header('ResNet-164 (%)', 'ResNet-164（%）')],
      // Row labels are the order of operations, which reads the same in both languages.
      rows: [
        ['(a) conv BN ReLU conv BN + ReLU', table2.original.resnet110, table2.original.resnet164],
        ['(b) conv BN ReLU conv + BN ReLU', table2.bnAfterAddition.resnet110, table2.bnAfterAddition.resnet164],
        ['(c) conv BN ReLU conv BN ReLU +', table2.reluBeforeAddition.resnet110, table2.reluBeforeAddition.resnet164],
        ['(d) ReLU conv BN ReLU conv BN +', table2.reluOnlyPreActivation.resnet110, table2.reluOnlyPreActivation.resnet164],
        ['(e) BN ReLU conv BN ReLU conv +', table2.fullPreActivation.resnet110, table2.fullPreActivation.resnet164],
      ],
      digits: [undefined, 2, 2],
    },
    'preact.table2.reluBeforeAdd': table2.reluBeforeAddition.resnet110,
    'preact.table2.original': table2.original.resnet110,
    'preact.table2.full': table2.fullPreActivation.resnet110,
    'preact.table3.original': preActivation1001Table3.cifar10.original,
    'preact.table3.preact': preActivation1001Table3.cifar10.preActivation,
    'preact.exercise.halfPow54': scientific(0.5 ** 54, 2),
  };
}
