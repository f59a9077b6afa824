/**
 * One workgroup's share of a matrix product C = A × B: a `rows × cols` block of C, computed
 * `depth` steps of the inner dimension at a time through workgroup memory, each thread holding a
 * `rowsPerThread × colsPerThread` block of C in registers.
 */
export interface GemmTile {
  /** rows of C per workgroup; a multiple of 4 · rowsPerThread / 4 threads */
  readonly rows: number;
  /** columns of C per workgroup */
  readonly cols: number;
  /** inner-dimension steps staged in workgroup memory at once; a multiple of 4 */
  readonly depth: number;
  /** rows each thread accumulates; a multiple of 4 */
  readonly rowsPerThread: number;
  /** columns each thread accumulates; a multiple of 4 */
  readonly colsPerThread: number;
}

/**
 * The tile shapes Residual's WebGPU convolutions choose from, smallest first. Each uses 64 or 256
 * threads and at most 16 KiB of workgroup memory (the WebGPU default limit).
 */
export const gemmTiles = {
  small: { rows: 32, cols: 32, depth: 16, rowsPerThread: 4, colsPerThread: 4 },
  medium: { rows: 64, cols: 64, depth: 16, rowsPerThread: 4, colsPerThread: 4 },
  tall: { rows: 128, cols: 64, depth: 16, rowsPerThread: 8, colsPerThread: 4 },
  wide: { rows: 64, cols: 128, depth: 16, rowsPerThread: 4, colsPerThread: 8 },
  large: { rows: 128, cols: 128, depth: 16, rowsPerThread: 8, colsPerThread: 8 },
} as const satisfies Record<string, GemmTile>;

/** A name of one of {@link gemmTiles}. */
export type GemmTileName = keyof typeof gemmTiles;

/** Names of {@link gemmTiles}, smallest first. */
export const gemmTileNames = Object.keys(gemmTiles) as GemmTileName[];

/** Threads of a tile's workgroup along columns (x) and rows (y). */
export function tileThreads(tile: GemmTile): { x: number; y: number; count: number } {
  const x = tile.cols / tile.colsPerThread;
  const y = tile.rows / tile.rowsPerThread;
  return { x, y, count: x * y };
}

/**
 * Checks that a tile can be generated: every size a multiple of 4 and every thread loading the
 * same number of values of each operand.
 *
 * @param tile - the tile to check.
 * @returns nothing; throws when the tile cannot be generated.
 * @example
 * assertGemmTile(gemmTiles.medium);
 */
export function assertGemmTile(tile: GemmTile): void {
  const { count } = tileThreads(tile);
  const sizes = [tile.rows, tile.cols, tile.depth, tile.rowsPerThread, tile.colsPerThread];
  const loadsEven = ((tile.depth * tile.rows) / 4) % count === 0 && ((tile.depth * tile.cols) / 4) % count === 0;
  if (sizes.some((size) => size <= 0 || size % 4 !== 0) || !Number.isInteger(count) || !loadsEven) {
    throw new Error(
      `assertGemmTile: a tile must have sizes that are positive multiples of 4 and depth·rows/4 and depth·cols/4 ` +
        `divisible by its ${count} threads, but got ${JSON.stringify(tile)}. Use one of gemmTiles.`,
    );
  }
}
