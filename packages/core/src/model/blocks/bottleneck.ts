import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import { add } from '../layers/add.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d, type WindowError } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { blockScope } from './block-scope.js';
import { shortcutLayers } from './shortcut.js';

/** Output channels per filter of a bottleneck: 4 (torchvision's `Bottleneck.expansion`). */
export const bottleneckExpansion = 4;

/**
 * The bottleneck block of ResNet-50/101/152 (torchvision's `Bottleneck`): 1×1 conv down to
 * `filters`, 3×3 conv, 1×1 conv up to `4 × filters`, each with BN; the shortcut added, then ReLU.
 *
 * The stride sits on the 3×3 conv (torchvision's "ResNet v1.5"); the paper put it on the first
 * 1×1 conv. In a downsampling block v1.5 therefore runs that first 1×1 conv at the stage's input
 * resolution (4× the positions) instead of after the stride, so ResNet-50 costs 4.09 G
 * multiply-accumulates instead of the paper's 3.8 G, for ~0.5 % better top-1 (torchvision's note).
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, strides (default 1), shortcut (default `'identity'`), name
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, 4 × filters]`
 * @example
 * ```ts
 * const x = input([56, 56, 64]);
 * const y = bottleneck(x, { filters: 64, shortcut: 'projection' }); // [number, 56, 56, 256]
 * const z = bottleneck(y, { filters: 64 });                          // [number, 56, 56, 256]
 * ```
 */
export function bottleneck<InShape extends Shape, const Options extends BlockOptions>(
  x: Checked<ImageRankError<InShape, 'bottleneck'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>>, Options>,
): Sym<Poisoned<BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>, ImageShape>> {
  return bottleneckLayers(x as Sym, options as BlockOptions) as Sym<
    Poisoned<BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>, ImageShape>
  >;
}

/** The layers of a bottleneck, as torchvision's `Bottleneck.forward` writes them. */
function bottleneckLayers(x: Sym, options: BlockOptions): Sym<ImageShape> {
  const { filters, strides = 1, shortcut = 'identity' } = options;
  return blockScope('bottleneck', x, options, bottleneckExpansion, () => {
    const input = x as Sym<ImageShape>; // [N, H, W, C]
    let out = conv2d(input, { filters, kernelSize: 1, useBias: false, name: 'conv1' }); // [N, H, W, filters]
    out = batchNorm(out, { name: 'bn1' });
    out = relu(out, { name: 'relu1' });
    out = conv2d(out, { filters, kernelSize: 3, strides, padding: 1, useBias: false, name: 'conv2' }); // [N, H/S, W/S, filters]
    out = batchNorm(out, { name: 'bn2' });
    out = relu(out, { name: 'relu2' });
    out = conv2d(out, { filters: filters * bottleneckExpansion, kernelSize: 1, useBias: false, name: 'conv3' }); // [N, H/S, W/S, 4·filters]
    out = batchNorm(out, { name: 'bn3' });
    if (shortcut !== 'none') {
      const identity = shortcutLayers(input, { shortcut, channels: filters * bottleneckExpansion, strides }); // [N, H/S, W/S, 4·filters]
      out = add(out, identity, { name: 'add' });
    }
    return relu(out, { name: 'relu' }); // after the add, as torchvision
  });
}
