import { blockOutputShape, type ImageShape } from '@residual/shapes';
import { add } from '../layers/add.js';
import { relu } from '../layers/relu.js';
import { layerName, withNamePrefix } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { shortcutLayers } from './shortcut.js';

type ImageSym = Sym<ImageShape>;

/**
 * The frame every post-activation block shares (basic, bottleneck, plain): check the shapes (the
 * same error as the types), build the residual branch, the shortcut (identity, projection,
 * zero-pad or none), add, ReLU.
 */
export function residualBlock(
  api: string,
  x: Sym,
  options: BlockOptions,
  expansion: number,
  branch: (x: Sym) => Sym,
): ImageSym {
  return blockScope(api, x, options, expansion, () => {
    const { filters, strides = 1, shortcut = 'identity' } = options;
    const main = branch(x); // [N, H/S, W/S, filters × expansion], ending in BN (no ReLU)
    if (shortcut === 'none') return relu(main, { name: 'relu' }) as ImageSym;
    const identity = shortcutLayers(x, { shortcut, channels: filters * expansion, strides });
    // torchvision: out += identity; out = relu(out) — the ReLU comes after the add.
    return relu(add(main, identity, { name: 'add' }), { name: 'relu' }) as ImageSym;
  });
}

/**
 * Checks a block's shapes (the run-time twin of its type: the same words) and builds its layers
 * under the block's name prefix (`layer2.0.conv1`, or `basic_block_<n>.conv1` when unnamed).
 */
export function blockScope<Result>(api: string, x: Sym, options: BlockOptions, expansion: number, build: () => Result): Result {
  blockOutputShape(api, x.shape, options, expansion);
  const kind = api.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return withNamePrefix(layerName(kind, options.name), build);
}
