/**
 * Lesson 4's numbers: weights and MACs of blocks, counted by the library.
 */
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { asMatrixProduct, oneByOne } from './one-by-one.js';
import { comparedBlocks, convWeights, measureBlock } from './param-counts.js';
import { scientific } from '../shared/scientific.js';

/**
 * The numbers lesson 4 shows.
 *
 * @example
 * (await numbers())['bottleneck.params.bottleneck']; // 69632
 */
export async function numbers(): Promise<LessonNumbers> {
  const reduce = oneByOne(1);
  const matMulDiff = asMatrixProduct(reduce.model, 1);
  reduce.model.dispose();
  const blocks = comparedBlocks();
  const rows = [
    ['basicBlock', 64, 64, blocks.basic64, measureBlock('basic', 64, 64).macs],
    ['bottleneck', 256, 256, blocks.bottleneck, measureBlock('bottleneck', 256, 64).macs],
    ['basicBlock', 256, 256, blocks.twoConv3x3, measureBlock('basic', 256, 256).macs],
  ] as const;
  // exercise 2: a bottleneck at 256 channels with expansion 2 (a 128-channel middle)
  const expansion2 = convWeights(1, 256, 128) + convWeights(3, 128, 128) + convWeights(1, 128, 256);
  return {
    'bottleneck.params.oneByOne': reduce.weights,
    'bottleneck.oneByOne.matMulDiff': scientific(matMulDiff),
    'bottleneck.params.twoConv3x3': blocks.twoConv3x3,
    'bottleneck.params.bottleneck': blocks.bottleneck,
    'bottleneck.params.basic64': blocks.basic64,
    'bottleneck.params.bottleneckWithBn': measureBlock('bottleneck', 256, 64).params,
    'bottleneck.ratio': Number((blocks.twoConv3x3 / blocks.bottleneck).toFixed(1)),
    'bottleneck.table': {
      columns: [
        { en: 'block', 'zh-cn': '块' },
        { en: 'input channels', 'zh-cn': '输入通道' },
        { en: 'output channels', 'zh-cn': '输出通道' },
        { en: 'conv weights', 'zh-cn': '卷积权重' },
        { en: 'MACs at 56×56 (M)', 'zh-cn': '56×56 上的 MACs（M）' },
      ],
      rows: rows.map(([block, cin, cout, weights, macs]) => [block, cin, cout, weights, Number((macs / 1e6).toFixed(1))]),
      digits: [undefined, 0, 0, 0, 1],
    },
    'bottleneck.exercise.oneByOne2048': convWeights(1, 2048, 512),
    'bottleneck.exercise.threeByThree2048': convWeights(3, 2048, 512),
    'bottleneck.exercise.expansion2': expansion2,
    'bottleneck.exercise.expansion2Ratio': Number((expansion2 / blocks.bottleneck).toFixed(2)),
  };
}
