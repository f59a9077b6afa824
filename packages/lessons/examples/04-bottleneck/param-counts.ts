/**
 * Lesson 4: convolution weights of the basic block and the bottleneck, counted on real blocks.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, blockConvWeights, bottleneck, countMacs, countParams, input, withSeed } from '@residual/core/model';

/**
 * The weights of one convolution without bias: `K · K · Cin · Cout`.
 *
 * @param kernel - K of a K×K kernel
 * @param inChannels - Cin
 * @param outChannels - Cout (filters)
 * @example
 * convWeights(3, 256, 256); // 589824
 */
export function convWeights(kernel: number, inChannels: number, outChannels: number): number {
  return kernel * kernel * inChannels * outChannels;
}

/** Conv weights of the three designs the lesson compares, counted by the library on built blocks. */
export function comparedBlocks(): { twoConv3x3: number; bottleneck: number; basic64: number } {
  // #region count
  // Two 3×3 convolutions at 256 channels: a basic block with 256 filters.
  const twoConv3x3 = blockConvWeights('basic', 256, { filters: 256 });
  // A bottleneck on 256 channels: 1×1 down to 64, 3×3 at 64, 1×1 back up to 4 · 64 = 256.
  const bottleneckWeights = blockConvWeights('bottleneck', 256, { filters: 64 });
  // #endregion
  // #region fair
  // The paper's Figure 5: a basic block on 64 channels next to the bottleneck on 256.
  const basic64 = blockConvWeights('basic', 64, { filters: 64 });
  // #endregion
  return { twoConv3x3, bottleneck: bottleneckWeights, basic64 };
}

/** One block on a 56×56 map, as a model: what `countParams` and `countMacs` measure. */
function blockModel(kind: 'basic' | 'bottleneck', channels: number, filters: number): tfl.LayersModel {
  return withSeed(0, () => {
    const x = input([56, 56, channels]); // [N, 56, 56, C]
    const y = kind === 'basic' ? basicBlock(x, { filters }) : bottleneck(x, { filters });
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
}

/**
 * Trainable parameters (conv weights plus BN γ and β) and MACs per image at 56×56 of a block.
 *
 * @param kind - `'basic'` or `'bottleneck'`
 * @param channels - input (and output) channels
 * @param filters - the block's filters (a bottleneck outputs 4 × filters)
 * @example
 * measureBlock('bottleneck', 256, 64); // { params: 70400, macs: … }
 */
export function measureBlock(kind: 'basic' | 'bottleneck', channels: number, filters: number): { params: number; macs: number } {
  const model = blockModel(kind, channels, filters);
  try {
    return { params: countParams(model).trainable, macs: countMacs(model) };
  } finally {
    model.dispose();
  }
}
