import { gemmTileNames, type GemmTileName } from './gemm-tile.js';

/** Tuning knobs of Residual's WebGPU convolutions and reductions (see {@link configureWebGpuConv}). */
export interface WebGpuConvOptions {
  /**
   * Workgroups one convolution or reduction should launch to keep the GPU busy; tiles shrink (and
   * the filter gradient and the reductions split their sums) until a launch reaches it. Default
   * 512 (about four per multiprocessor of a large GPU).
   */
  readonly targetWorkgroups: number;
  /** Fewest batch·height·width terms one workgroup of the filter gradient sums. Default 256. */
  readonly minSplitDepth: number;
  /** Largest scratch buffer of partial filter gradients, in bytes. Default 64 MiB. */
  readonly maxSplitBytes: number;
  /** One tile for every convolution (tests, tuning); `undefined`: chosen per shape. */
  readonly tile: GemmTileName | undefined;
  /**
   * Load the next block of the operands into registers while multiplying the current one. Off by
   * default until measured on a GPU (`bench/kernel-bench.ts --sweep` compares both).
   */
  readonly prefetch: boolean;
}

const defaults: WebGpuConvOptions = {
  targetWorkgroups: 512,
  minSplitDepth: 256,
  maxSplitBytes: 64 * 2 ** 20,
  tile: undefined,
  prefetch: false,
};

let current: WebGpuConvOptions = defaults;

/** The options in force. */
export function webGpuConvOptions(): WebGpuConvOptions {
  return current;
}

/**
 * Changes how Residual's WebGPU convolutions tile and split their work; values are checked.
 * Results do not change, only speed. Pass `{}` after a test to keep the others, or call
 * {@link resetWebGpuConvOptions}.
 *
 * @param options - the knobs to change.
 * @returns the options before the change, to restore them.
 * @example
 * const before = configureWebGpuConv({ tile: 'small' });
 * // … run convolutions …
 * configureWebGpuConv(before);
 */
export function configureWebGpuConv(options: Partial<WebGpuConvOptions>): WebGpuConvOptions {
  const next = { ...current, ...options };
  for (const key of ['targetWorkgroups', 'minSplitDepth', 'maxSplitBytes'] as const) {
    if (!Number.isInteger(next[key]) || next[key] < 1) {
      throw new Error(`configureWebGpuConv: ${key} must be a positive integer, but got ${String(next[key])}. Pass e.g. ${defaults[key]}.`);
    }
  }
  if (typeof next.prefetch !== 'boolean') {
    throw new Error(`configureWebGpuConv: prefetch must be true or false, but got ${JSON.stringify(next.prefetch)}. Pass a boolean.`);
  }
  if (next.tile !== undefined && !gemmTileNames.includes(next.tile)) {
    throw new Error(
      `configureWebGpuConv: tile must be one of ${gemmTileNames.join(', ')} or undefined, but got ${JSON.stringify(next.tile)}. ` +
        `Leave it out to choose per shape.`,
    );
  }
  const before = current;
  current = next;
  return before;
}

/** Restores the default options. */
export function resetWebGpuConvOptions(): void {
  current = defaults;
}
