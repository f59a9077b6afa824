import { chooseGemmTile } from './choose-gemm-tile.js';
import { geometryConstants, geometryKey, type ConvGeometry } from './conv-geometry.js';
import { GemmProgram } from './gemm-program.js';
import type { GemmTile } from './gemm-tile.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/** How the filter gradient's long sum over batch·height·width is cut between workgroups. */
export interface FilterSplit {
  readonly tile: GemmTile;
  /** Workgroups along the sum; 1 writes the gradient directly. */
  readonly splits: number;
  /** Terms of the sum per split; a multiple of the tile depth. */
  readonly chunk: number;
}

/**
 * Cuts the sum of the filter gradient (inner length N·H′·W′, output KH·KW·C × C′) into splits so
 * that the launch reaches `configureWebGpuConv`'s target workgroups, each split summing at least
 * `minSplitDepth` terms, and the scratch buffer of partial sums stays under `maxSplitBytes`.
 *
 * @param geometry - the forward convolution (NHWC).
 * @returns tile, splits and terms per split.
 * @example
 * planFilterSplit(geometry); // { tile: gemmTiles.tall, splits: 103, chunk: 2560 } for a 3×3×64×64 layer at 32×32, batch 256
 */
export function planFilterSplit(geometry: ConvGeometry): FilterSplit {
  const g = geometry;
  const options = webGpuConvOptions();
  const rows = g.filterHeight * g.filterWidth * g.inChannels;
  const inner = g.batch * g.outHeight * g.outWidth;
  const tile = chooseGemmTile(rows, g.outChannels, 1);
  const tiles = Math.ceil(rows / tile.rows) * Math.ceil(g.outChannels / tile.cols);
  const byTarget = Math.ceil(options.targetWorkgroups / tiles);
  const byDepth = Math.max(1, Math.floor(inner / options.minSplitDepth));
  const byMemory = Math.max(1, Math.floor(options.maxSplitBytes / (rows * g.outChannels * 4)));
  const wanted = Math.max(1, Math.min(byTarget, byDepth, byMemory));
  const chunk = Math.ceil(Math.ceil(inner / wanted) / tile.depth) * tile.depth;
  return { tile, splits: Math.ceil(inner / chunk), chunk };
}

/**
 * The filter gradient dw of a convolution as an implicit matrix product: rows = (kh, kw, ci),
 * columns = output channels co, inner m = (n, oh, ow): A[k, m] = x[n, oh·S_H − P_T + kh,
 * ow·S_W − P_L + kw, ci] (zero in the padding), B[m, co] = dy as stored. With several splits
 * each workgroup sums one chunk of m into row `split` of a `[splits, KH·KW·C·C′]` scratch
 * tensor, to be summed by `splitSumProgram`. Inputs, in order: `x` [N, H, W, C], `dy` [N, H′, W′, C′].
 *
 * @param geometry - the forward convolution (NHWC).
 * @param split - from {@link planFilterSplit}.
 * @returns the program; its output is [KH, KW, C, C′] with one split, else the scratch tensor.
 * @example
 * const program = conv2dBackpropFilterProgram(geometry, planFilterSplit(geometry));
 */
export function conv2dBackpropFilterProgram(geometry: ConvGeometry, split: FilterSplit): GemmProgram {
  const g = geometry;
  const rows = g.filterHeight * g.filterWidth * g.inChannels;
  const inner = g.batch * g.outHeight * g.outWidth;
  const aWidth = g.inChannels % 4 === 0 ? 4 : 1;
  const bWidth = g.outChannels % 4 === 0 ? 4 : 1;
  const aType = aWidth === 4 ? 'vec4<f32>' : 'f32';
  const bType = bWidth === 4 ? 'vec4<f32>' : 'f32';
  const base = split.splits === 1 ? '' : `i32(workgroupId.z) * ${rows * g.outChannels} + `;
  const operands = `
${geometryConstants(g)}
const ROWS: i32 = ${rows};
const M: i32 = ${inner};

// A[k, m] = x[n, oh·S_H − P_T + kh, ow·S_W − P_L + kw, ci]; consecutive rows (ci) are consecutive in memory.  // [N, H, W, C]
fn loadA(row: i32, m: i32) -> ${aType} {
  if (row >= ROWS || m >= M) { return ${aType}(0.0); }
  let kh = row / (K_W * IN_C);
  let q = row % (K_W * IN_C);
  let n = m / (OUT_H * OUT_W);
  let p = m % (OUT_H * OUT_W);
  let ih = (p / OUT_W) * S_H - P_T + kh;
  let iw = (p % OUT_W) * S_W - P_L + q / IN_C;
  if (ih < 0 || ih >= IN_H || iw < 0 || iw >= IN_W) { return ${aType}(0.0); }
  return x[(((n * IN_H + ih) * IN_W + iw) * IN_C + q % IN_C) / ${aWidth}];
}

// B[m, co] = dy[n, oh, ow, co] as stored.  // [N·H′·W′, C′]
fn loadB(m: i32, col: i32) -> ${bType} {
  if (m >= M || col >= OUT_C) { return ${bType}(0.0); }
  return dy[(m * OUT_C + col) / ${bWidth}];
}

fn storeC(row: i32, col: i32, value: vec4<f32>) {
  if (row >= ROWS || col >= OUT_C) { return; }
  let at = ${base}row * OUT_C + col;
  ${
    bWidth === 4
      ? 'result[at / 4] = value;'
      : 'for (var c = 0; c < 4; c++) { if (col + c < OUT_C) { result[at + c] = value[c]; } }'
  }
}`;
  return new GemmProgram({
    prefetch: webGpuConvOptions().prefetch,
    name: 'conv2dBackpropFilter',
    constants: [...geometryKey(g), split.splits],
    tile: split.tile,
    a: { width: aWidth, along: 'outer' },
    b: { width: bWidth, along: 'outer' },
    z: 'split',
    innerChunk: split.chunk,
    operands,
    inputs: ['x', 'dy'],
    inputWidths: [aWidth, bWidth],
    outputShape:
      split.splits === 1 ? [g.filterHeight, g.filterWidth, g.inChannels, g.outChannels] : [split.splits, rows * g.outChannels],
    outputWidth: bWidth,
    rows,
    cols: g.outChannels,
    zGroups: split.splits,
  });
}
