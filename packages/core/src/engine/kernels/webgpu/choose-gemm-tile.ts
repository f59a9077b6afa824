import { gemmTiles, gemmTileNames, type GemmTile } from './gemm-tile.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/** The smallest power of two ≥ `value` (at least 1). */
function ceilPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(value, 1)));
}

/**
 * Picks the tile for a product with `rows × cols` outputs: the largest tile that does not
 * overhang the matrix much and still launches `target` workgroups; when none does, the one that
 * launches the most. `configureWebGpuConv({ tile })` forces one.
 *
 * @param rows - rows of C (M).
 * @param cols - columns of C (N).
 * @param target - workgroups wanted; default from `configureWebGpuConv`.
 * @returns the tile.
 * @example
 * chooseGemmTile(256 * 32 * 32, 64); // gemmTiles.tall for a CIFAR ResNet stage-1 convolution at batch 256
 */
export function chooseGemmTile(rows: number, cols: number, target = webGpuConvOptions().targetWorkgroups): GemmTile {
  const forced = webGpuConvOptions().tile;
  if (forced !== undefined) return gemmTiles[forced];
  const fits = gemmTileNames
    .map((name) => gemmTiles[name])
    .filter((tile) => tile.rows <= Math.max(32, ceilPowerOfTwo(rows)) && tile.cols <= Math.max(32, ceilPowerOfTwo(cols)));
  const launched = (tile: GemmTile) => Math.ceil(rows / tile.rows) * Math.ceil(cols / tile.cols);
  const area = (tile: GemmTile) => tile.rows * tile.cols;
  const enough = fits.filter((tile) => launched(tile) >= target).sort((a, b) => area(b) - area(a));
  if (enough[0] !== undefined) return enough[0];
  const most = [...fits].sort((a, b) => launched(b) - launched(a) || area(b) - area(a));
  return most[0] ?? gemmTiles.small;
}
