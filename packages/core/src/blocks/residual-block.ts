import { blockOutputShape, type ImageShape } from '@residual/shapes';
import { add } from '../layers/add.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import { layerName, withNamePrefix } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { zeroPadShortcut } from '../layers/zero-pad-shortcut.js';
import type { BlockOptions } from './block-options.js';

type ImageSym = Sym<ImageShape>;

/**
 * The frame every residual block shares: check the shapes (the same error as the types), build the
 * residual branch, the shortcut (identity, projection, zero-pad or none), add, ReLU.
 */
export function residualBlock(
  api: string,
  x: Sym,
  options: BlockOptions,
  expansion: number,
  branch: (x: Sym) => Sym,
): ImageSym {
  blockOutputShape(api, x.shape, options, expansion);
  const { filters, strides = 1, shortcut = 'identity' } = options;
  const kind = api.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const prefix = layerName(kind, options.name);
  return withNamePrefix(prefix, () => {
    const main = branch(x); // [N, H/S, W/S, filters × expansion], ending in BN (no ReLU)
    if (shortcut === 'none') return relu(main, { name: 'relu' }) as ImageSym;
    const identity =
      shortcut === 'projection'
        ? batchNorm(
            conv2d(x, { filters: filters * expansion, kernelSize: 1, strides, useBias: false, name: 'downsample.0' }),
            { name: 'downsample.1' },
          )
        : shortcut === 'zero-pad'
          ? zeroPadShortcut(x as ImageSym, { channels: filters * expansion, strides, name: 'downsample' })
          : x;
    // torchvision: out += identity; out = relu(out) — the ReLU comes after the add.
    return relu(add(main, identity, { name: 'add' }), { name: 'relu' }) as ImageSym;
  });
}
