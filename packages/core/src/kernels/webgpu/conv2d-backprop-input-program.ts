import { chooseGemmTile } from './choose-gemm-tile.js';
import { geometryConstants, geometryKey, type ConvGeometry } from './conv-geometry.js';
import { GemmProgram } from './gemm-program.js';

/**
 * The input gradient dx of a convolution as an implicit matrix product: rows m = (n, h, w) of
 * dx, columns = input channels ci, inner k = (kh, kw, co). A[m, k] = dy[n, oh, ow, co] where
 * h = oh·S_H − P_T + kh (zero when no such oh exists: padding, or between strided outputs), and
 * B[k, ci] = w[kh, kw, ci, co]. Inputs, in order: `dy` [N, H′, W′, C′], `W` [KH, KW, C, C′].
 *
 * @param geometry - the forward convolution (NHWC).
 * @returns the program, run with `runWebGPUProgram(program, [dy, filter], 'float32')`.
 * @example
 * const program = conv2dBackpropInputProgram(geometry); // output [N, H, W, C]
 */
export function conv2dBackpropInputProgram(geometry: ConvGeometry): GemmProgram {
  const g = geometry;
  const rows = g.batch * g.inHeight * g.inWidth;
  const inner = g.filterHeight * g.filterWidth * g.outChannels;
  const tile = chooseGemmTile(rows, g.inChannels);
  const innerWidth = g.outChannels % 4 === 0 ? 4 : 1;
  const cWidth = g.inChannels % 4 === 0 ? 4 : 1;
  const type = innerWidth === 4 ? 'vec4<f32>' : 'f32';
  const operands = `
${geometryConstants(g)}
const M: i32 = ${rows};
const K: i32 = ${inner};

// A[m, k] = dy[n, oh, ow, co] with oh·S_H − P_T + kh = h (and the same along w), else zero.  // [N, H′, W′, C′]
fn loadA(row: i32, k: i32) -> ${type} {
  if (row >= M || k >= K) { return ${type}(0.0); }
  let n = row / (IN_H * IN_W);
  let p = row % (IN_H * IN_W);
  let kh = k / (K_W * OUT_C);
  let q = k % (K_W * OUT_C);
  let ohS = p / IN_W + P_T - kh;
  let owS = p % IN_W + P_L - q / OUT_C;
  if (ohS < 0 || owS < 0 || ohS % S_H != 0 || owS % S_W != 0) { return ${type}(0.0); }
  let oh = ohS / S_H;
  let ow = owS / S_W;
  if (oh >= OUT_H || ow >= OUT_W) { return ${type}(0.0); }
  return dy[(((n * OUT_H + oh) * OUT_W + ow) * OUT_C + q % OUT_C) / ${innerWidth}];
}

// B[k, ci] = w[kh, kw, ci, co]: consecutive k (co) are consecutive in memory.  // [KH, KW, C, C′]
fn loadB(k: i32, col: i32) -> ${type} {
  if (k >= K || col >= IN_C) { return ${type}(0.0); }
  let khw = k / OUT_C;
  return W[((khw * IN_C + col) * OUT_C + k % OUT_C) / ${innerWidth}];
}

fn storeC(row: i32, col: i32, value: vec4<f32>) {
  if (row >= M || col >= IN_C) { return; }
  ${
    cWidth === 4
      ? 'result[(row * IN_C + col) / 4] = value;'
      : 'for (var c = 0; c < 4; c++) { if (col + c < IN_C) { result[row * IN_C + col + c] = value[c]; } }'
  }
}`;
  return new GemmProgram({
    name: 'conv2dBackpropInput',
    constants: geometryKey(g),
    tile,
    a: { width: innerWidth, along: 'inner' },
    b: { width: innerWidth, along: 'inner' },
    innerChunk: Math.ceil(inner / tile.depth) * tile.depth,
    operands,
    inputs: ['dy', 'W'],
    inputWidths: [innerWidth, innerWidth],
    outputShape: [g.batch, g.inHeight, g.inWidth, g.inChannels],
    outputWidth: cWidth,
    rows,
    cols: g.inChannels,
    splits: 1,
  });
}
