/**
 * Lesson 5's numbers: the family table from the built models, MACs against published figures, and
 * the NHWC/NCHW layouts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { resnet50 } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { depths, familyTable } from './family-table.js';
import { layoutCheck, nchwToNhwc, torchKernelToTf } from './nhwc.js';
import { flopsPerMac, paperGap } from './paper-gap.js';
import { cifarFamily } from './cifar-family.js';
import { inputCoverage } from './resnet-d-shortcut.js';
import { cifarTable6 } from '../06-ablation/paper-figures.js';
import { family, paperGflops, torchvision, type FamilyName } from './published-figures.js';
import { layerWeight } from '../shared/layer-weight.js';
import { scientific } from '../shared/scientific.js';

const giga = (macs: number): number => Number((macs / 1e9).toFixed(3));
const showShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Shapes of the same stem kernel and input in both layouts, converted by the lesson's functions. */
function layouts(): Record<string, string> {
  const model = resnet50({ inputShape: [64, 64, 3], seed: 0 });
  try {
    return tf.tidy(() => {
      const tfKernel = layerWeight(model.layersModel.getLayer('conv1'), 'kernel').read() as tf.Tensor4D; // [K, K, Cin, Cout]
      const torchKernel = tf.transpose(tfKernel, [3, 2, 0, 1]); // the inverse of torchKernelToTf
      const back = torchKernelToTf(torchKernel as tf.Tensor4D);
      if (tf.max(tf.abs(tf.sub(back, tfKernel))).dataSync()[0] !== 0) throw new Error('layouts: torchKernelToTf must invert the transpose');
      const nchw = tf.zeros([1, 3, 224, 224]) as tf.Tensor4D;
      return {
        'family.layout.nchwInput': showShape(nchw.shape),
        'family.layout.nhwcInput': showShape(nchwToNhwc(nchw).shape),
        'family.layout.tfKernel': showShape(tfKernel.shape),
        'family.layout.torchKernel': showShape(torchKernel.shape),
      };
    });
  } finally {
    model.dispose();
  }
}

/**
 * The numbers lesson 5 shows.
 *
 * @param models - which models to build (default: all five; tests pass fewer to save time)
 * @example
 * (await numbers())['family.params.resnet50']; // 25557032
 */
export async function numbers(models: readonly FamilyName[] = family): Promise<LessonNumbers> {
  const rows = await familyTable(models);
  const blocks = new Map(depths().map((entry) => [entry.name, entry]));
  const resnet50Row = rows.find((row) => row.name === 'resnet50');
  const extra = rows.filter((row) => row.macsV1 < row.macs).map((row) => row.macs - row.macsV1);
  const cifar = cifarFamily();
  const [firstCifar] = cifar;
  const coverage = { v15: await inputCoverage('v1.5'), d: await inputCoverage('D') };
  return {
    'family.cifar.table': {
      columns: [
        { en: 'model', 'zh-cn': '模型' },
        { en: 'n', 'zh-cn': 'n' },
        { en: 'layers', 'zh-cn': '层数' },
        { en: 'stage outputs', 'zh-cn': '各阶段输出' },
        { en: 'option A', 'zh-cn': '选项 A' },
        { en: 'plain', 'zh-cn': '普通网络' },
        { en: 'option B', 'zh-cn': '选项 B' },
        { en: 'Table 6 (M)', 'zh-cn': '表 6（M）' },
      ],
      rows: cifar.map((row) => [row.name, row.n, row.layers, row.stages.join(' → '), row.optionA, row.plain, row.optionB, cifarTable6[row.name].params]),
      digits: [undefined, 0, 0, undefined, 0, 0, 0, undefined],
    },
    'family.cifar.projectionExtra': firstCifar === undefined ? Number.NaN : firstCifar.optionB - firstCifar.optionA,
    'family.resnetD.v15Percent': Math.round(100 * coverage.v15.fraction),
    'family.resnetD.dPercent': Math.round(100 * coverage.d.fraction),
    'family.table': {
      columns: [
        { en: 'model', 'zh-cn': '模型' },
        { en: 'block', 'zh-cn': '块' },
        { en: 'blocks per stage', 'zh-cn': '每阶段块数' },
        { en: 'layers', 'zh-cn': '层数' },
        { en: 'output sizes', 'zh-cn': '输出尺寸' },
        { en: 'parameters', 'zh-cn': '参数' },
        { en: 'MACs (G)', 'zh-cn': 'MACs（G）' },
      ],
      rows: rows.map((row) => [
        row.name,
        blocks.get(row.name)?.block ?? '',
        `[${(blocks.get(row.name)?.layers ?? []).join(', ')}]`,
        row.layers,
        row.sizes.join(' → '),
        row.params,
        giga(row.macs),
      ]),
      digits: [undefined, undefined, undefined, 0, undefined, 0, 3],
    },
    'family.params.resnet50': resnet50Row?.params ?? Number.NaN,
    'family.macs.resnet50': Number(((resnet50Row?.macs ?? Number.NaN) / 1e9).toFixed(1)),
    'family.flops.resnet50': Number(((flopsPerMac * (resnet50Row?.macs ?? Number.NaN)) / 1e9).toFixed(1)),
    'family.paperGap.basic': paperGap(rows.filter((row) => row.macsV1 === row.macs), false),
    'family.paperGap.v1': paperGap(rows.filter((row) => row.macsV1 < row.macs), true),
    'family.macsReference': {
      columns: [
        { en: 'model', 'zh-cn': '模型' },
        { en: 'torchvision (G)', 'zh-cn': 'torchvision（G）' },
        { en: 'paper (G)', 'zh-cn': '论文（G）' },
        { en: 'this library (G)', 'zh-cn': '本库（G）' },
        { en: 'vs torchvision (%)', 'zh-cn': '与 torchvision 相差（%）' },
      ],
      rows: rows.map((row) => {
        const reference = torchvision[row.name].gmacs;
        return [row.name, reference, paperGflops[row.name], giga(row.macs), Number(((giga(row.macs) / reference - 1) * 100).toFixed(2))];
      }),
      digits: [undefined, 3, 1, 3, 2],
    },
    'family.macs.v15Extra': Number((Math.min(...extra) / 1e9).toFixed(2)),
    'family.macsV1': {
      columns: [
        { en: 'model', 'zh-cn': '模型' },
        { en: 'stride on the 3×3 (v1.5, G)', 'zh-cn': '步幅在 3×3 上（v1.5，G）' },
        { en: 'stride on the first 1×1 (v1, G)', 'zh-cn': '步幅在第一个 1×1 上（v1，G）' },
        { en: 'paper (G)', 'zh-cn': '论文（G）' },
      ],
      rows: rows.filter((row) => row.macsV1 < row.macs).map((row) => [row.name, giga(row.macs), giga(row.macsV1), paperGflops[row.name]]),
      digits: [undefined, 3, 3, 1],
    },
    ...layouts(),
    'family.layout.maxDiff': scientific(layoutCheck(1)),
  };
}
