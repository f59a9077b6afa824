import type { Shortcut } from '@residual/shapes';

/** Options of a residual block ({@link basicBlock}, {@link bottleneck}, {@link plainBlock}). */
export interface BlockOptions {
  /** width of the block's 3×3 conv; the block outputs `filters × expansion` channels */
  filters: number;
  /** stride of the block (default 1); 2 halves H and W */
  strides?: number;
  /**
   * How the input reaches the add: `'identity'` (default; only when the shape does not change),
   * `'projection'` (1×1 conv with the block's stride + BN, torchvision's `downsample`; the paper's
   * option B), `'zero-pad'` (every S-th position, zero channels added; the paper's option A, no
   * parameters) or `'none'` (no shortcut: a plain block).
   */
  shortcut?: Shortcut;
  /** prefix of the block's layer names, e.g. `'layer2.0'` (default `<block>_<n>`) */
  name?: string;
}
