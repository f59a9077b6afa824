/**
 * Lesson 3's numbers: batch normalization by hand vs the layer, the two modes, the cancelled bias,
 * the backward pass written out, batch norm folded into the convolution for inference, and how its
 * output depends on the batch size (group normalization's does not).
 */
import { resnet50 } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { groupNormBatch2Gain } from '../06-ablation/paper-figures.js';
import { batchNoise } from './batch-noise.js';
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
  const noise = batchNoise([2, 8, 32, 128]);
  const noiseAt = (batch: number): number => Number((noise.find((row) => row.batch === batch)?.batchNorm ?? Number.NaN).toFixed(3));
  return {
    'batchNorm.noise.table': {
      columns: [
        { en: 'batch size', 'zh-cn': '批量大小' },
        { en: 'batch norm: spread of one image’s output', 'zh-cn': '批归一化：同一张图片输出的离散程度' },
        { en: 'group norm: spread', 'zh-cn': '组归一化：离散程度' },
      ],
      rows: noise.map((row) => [row.batch, Number(row.batchNorm.toFixed(3)), Number(row.groupNorm.toFixed(3))]),
      digits: [0, 3, 3],
    },
    'batchNorm.noise.batch2': noiseAt(2),
    'batchNorm.noise.batch128': noiseAt(128),
    'batchNorm.groupNorm.batch2Gain': groupNormBatch2Gain,
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
