import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock } from '../blocks/basic-block.js';
import { bottleneck } from '../blocks/bottleneck.js';
import type { BlockOptions } from '../blocks/block-options.js';
import { input } from '../layers/input.js';
import { withSeed } from '../layers/scope.js';
import { layerWeight } from '../layers/layer-weight.js';
import { sizeOf } from './model-source.js';

/**
 * The conv weights of one block, counted on a real block built with this package: how lessons
 * show why the bottleneck exists. At 256 channels a bottleneck (64 filters) has 69,632 conv
 * weights; a basic block (two 3×3 convs at 256) has 1,179,648.
 *
 * @param block - `'basic'` or `'bottleneck'`
 * @param inChannels - channels C of the block's input
 * @param options - the block's options (filters, strides, shortcut)
 * @returns the number of conv kernel weights (BN and shortcut-free unless `shortcut` asks)
 * @example
 * ```ts
 * blockConvWeights('bottleneck', 256, { filters: 64 }); // 69632
 * blockConvWeights('basic', 256, { filters: 256 });     // 1179648
 * ```
 */
export function blockConvWeights(block: 'basic' | 'bottleneck', inChannels: number, options: BlockOptions): number {
  const model = withSeed(0, () => {
    const x = input([8, 8, inChannels]);
    const y = block === 'basic' ? basicBlock(x, options) : bottleneck(x, options);
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
  try {
    return model.layers
      .filter((layer) => layer.getClassName() === 'Conv2D')
      .reduce((sum, layer) => sum + sizeOf(layerWeight(layer, 'kernel', 'blockConvWeights').shape, 'blockConvWeights', `layer ${layer.name}'s kernel`), 0);
  } finally {
    model.dispose();
  }
}
