import type { Shortcut } from '@residual/shapes';
import { basicBlock, basicBlockExpansion } from '../blocks/basic-block.js';
import { bottleneck, bottleneckExpansion } from '../blocks/bottleneck.js';
import { preactBlock, preactBlockExpansion } from '../blocks/preact-block.js';
import type { Sym } from '../layers/sym.js';

/** Which block a stage repeats. */
export type BlockKind = 'basic' | 'bottleneck' | 'preact';

/** The output channels per filter of each block kind (torchvision's `expansion`). */
export const blockExpansion: Readonly<Record<BlockKind, number>> = {
  basic: basicBlockExpansion,
  bottleneck: bottleneckExpansion,
  preact: preactBlockExpansion,
};

/** One stage of a ResNet: `blocks` blocks of width `filters`, the first with stride `strides`. */
export interface StageSpec {
  block: BlockKind;
  filters: number;
  blocks: number;
  strides: number;
  /**
   * The shortcut of the block that changes the shape (the others keep the identity):
   * `'projection'` (1×1 conv + BN, torchvision's and the paper's option B), `'zero-pad'` (the
   * paper's option A: subsample, zero channels, no parameters), or `'none'` for the plain twin
   * (no shortcuts at all).
   */
  shortcut: 'projection' | 'zero-pad' | 'none';
  /** layer-name prefix, torchvision's `layer1` … `layer4` */
  name: string;
}

/**
 * Builds one stage (torchvision's `_make_layer`). It alone decides the shortcut: the first block
 * gets `stage.shortcut` (a projection or a zero-pad) when the stride is not 1 or the channels
 * change (`C ≠ filters × expansion`); every other block keeps the identity.
 *
 * @param x - `[N, H, W, C]`
 * @returns `[N, H/S, W/S, filters × expansion]`
 * @example
 * ```ts
 * const x = input([56, 56, 64]);
 * // ResNet-50's layer1: the first bottleneck gets a projection (64 → 256 channels), the others not.
 * const layer1 = makeStage(x, { block: 'bottleneck', filters: 64, blocks: 3, strides: 1, shortcut: 'projection', name: 'layer1' });
 * ```
 */
export function makeStage(x: Sym, stage: StageSpec): Sym<[number, number, number, number]> {
  const expansion = blockExpansion[stage.block];
  const apply = { basic: basicBlock, bottleneck, preact: preactBlock }[stage.block];
  let out = x;
  for (let index = 0; index < stage.blocks; index++) {
    const strides = index === 0 ? stage.strides : 1;
    const changes = strides !== 1 || out.shape[3] !== stage.filters * expansion;
    const shortcut: Shortcut = stage.shortcut === 'none' ? 'none' : changes ? stage.shortcut : 'identity';
    out = apply(out, { filters: stage.filters, strides, shortcut, name: `${stage.name}.${index}` });
  }
  return out as Sym<[number, number, number, number]>;
}
