/**
 * Lesson 3's numbers: batch normalization by hand vs the layer, the two modes, the cancelled bias,
 * the backward pass written out, batch norm folded into the convolution for inference.
 */
import { resnet50 } from '@residual/core';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { compareBackward } from './bn-backward.js';
import { compareWithLayer } from './bn-by-hand.js';
import { biasCancels, wastedBiases } from './conv-bias.js';
import { foldByHand, resnet20Kernels } from './fold-into-conv.js';
import { runLiveExample } from '../../src/live-runner.js';
import { bnModes } from './train-vs-eval.js';
import { scientific } from '../shared/scientific.js';


/**
 * The numbers lesson 3 shows.
 *
 * @example
 * (await numbers())['batchNorm.modes.evalBatchEffect']; // 0
 */
export async function numbers(): Promise<LessonNumbers> {
  const { result: modes } = await runLiveExample(bnModes, { size: 'full' }); // the reader's first Run
  const model = resnet50();
  const wasted = wastedBiases(model);
  model.dispose();
  const summary = (key: string): number | string => modes.summary[key] ?? Number.NaN;
  const backward = await compareBackward(1);
  const kernels = await resnet20Kernels();
  return {
    'batchNorm.byHand.maxDiff': scientific(compareWithLayer(1)),
    'batchNorm.momentum': summary('momentum'),
    'batchNorm.modes.dataMean': summary('dataMean'),
    'batchNorm.modes.dataStd': summary('dataStd'),
    'batchNorm.modes.steps': summary('steps'),
    'batchNorm.modes.trainOutputMean': summary('trainOutputMean'),
    'batchNorm.modes.runningMean': summary('runningMean'),
    'batchNorm.modes.evalOutputMeanStart': summary('evalOutputMeanStart'),
    'batchNorm.modes.evalOutputMeanEnd': summary('evalOutputMeanEnd'),
    'batchNorm.modes.trainBatchEffect': summary('trainBatchEffect'),
    'batchNorm.modes.evalBatchEffect': summary('evalBatchEffect'),
    'batchNorm.bias.maxDiff': scientific(biasCancels(1).maxDiff),
    'batchNorm.bias.resnet50': wasted,
    'batchNorm.backward.maxDiff': scientific(backward.maxDiff),
    'batchNorm.backward.autodiffKernels': backward.autodiffKernels,
    'batchNorm.backward.writtenKernels': backward.writtenKernels,
    'batchNorm.fold.maxDiff': scientific(foldByHand(1)),
    'batchNorm.fold.fusions': kernels.fusions,
    'batchNorm.fold.layersKernels': kernels.layers,
    'batchNorm.fold.foldedKernels': kernels.folded,
    'batchNorm.exercise.pow22': Number(Math.pow(0.9, 22).toFixed(4)),
  };
}
