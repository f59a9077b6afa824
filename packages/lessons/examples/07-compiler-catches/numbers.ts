/**
 * Lesson 7's numbers: what the two design bugs the types cannot see actually do, and the paper's
 * shortcut options (cited).
 */
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { shortcutOptionsTable3 } from '../06-ablation/paper-figures.js';
import { correctBlockWithSameWeights, reluBeforeAddBlock, smallestChange } from './relu-before-add.js';
import { doubleSoftmaxFloor, gradientRatio } from './softmax-before-loss.js';

/**
 * The numbers lesson 7 shows.
 *
 * @example
 * (await numbers())['compiler.softmax.floor']; // 1.461
 */
export async function numbers(): Promise<LessonNumbers> {
  const buggy = reluBeforeAddBlock(1);
  const correct = correctBlockWithSameWeights(buggy);
  const buggyChange = smallestChange(buggy, 2);
  const correctChange = smallestChange(correct, 2);
  buggy.dispose();
  correct.dispose();
  return {
    'compiler.shortcutOptions.a': shortcutOptionsTable3.A.top1,
    'compiler.shortcutOptions.b': shortcutOptionsTable3.B.top1,
    'compiler.shortcutOptions.c': shortcutOptionsTable3.C.top1,
    'compiler.reluBeforeAdd.buggyMin': Number(buggyChange.toFixed(3)) + 0,
    'compiler.reluBeforeAdd.correctMin': Number(correctChange.toFixed(3)),
    'compiler.softmax.floor': Number(doubleSoftmaxFloor(10).toFixed(3)),
    'compiler.softmax.gradRatio': Number(gradientRatio(1).toFixed(2)),
  };
}
