import { chooseGemmTile } from './choose-gemm-tile.js';
import { geometryConstants, geometryKey, type ConvGeometry } from './conv-geometry.js';
import { epilogueWgsl, type Epilogue } from './epilogue-wgsl.js';
import { GemmProgram } from './gemm-program.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/**
 * The forward convolution y = x ⊛ w as an implicit matrix product (no im2col copy):
 * rows m = (n, oh, ow) of y, columns = output channels, inner k = (kh, kw, ci); A[m, k] is read
 * straight from x (zero in the padding) and B[k, co] is the filter as stored. Inputs, in order:
 * `x` [N, H, W, C], `W` [KH, KW, C, C′], then `bias` [C′] and `residual` [N, H′, W′, C′] when the
 * epilogue adds them.
 *
 * @param geometry - the convolution (NHWC).
 * @param epilogue - bias, residual and activation applied before the store; `{ activation: 'linear', bias: false }` for none.
 * @returns the program, run with `runWebGPUProgram(program, [x, filter, bias?, residual?], 'float32')`.
 * @example
 * const program = conv2dForwardProgram(geometry, { activation: 'relu', bias: true });
 */
export function conv2dForwardProgram(geometry: ConvGeometry, epilogue: Epilogue): GemmProgram {
  const g = geometry;
  const rows = g.batch * g.outHeight * g.outWidth;
  const inner = g.filterHeight * g.filterWidth * g.inChannels;
  const tile = chooseGemmTile(rows, g.outChannels);
  const aWidth: 1 | 4 = g.inChannels % 4 === 0 ? 4 : 1;
  const bWidth: 1 | 4 = g.outChannels % 4 === 0 ? 4 : 1;
  const aType = aWidth === 4 ? 'vec4<f32>' : 'f32';
  const bType = bWidth === 4 ? 'vec4<f32>' : 'f32';
  const operands = `
${geometryConstants(g)}
const M: i32 = ${rows};
const K: i32 = ${inner};

// A[m, k] = x[n, oh·S_H − P_T + kh, ow·S_W − P_L + kw, ci], zero in the padding.  // [N, H, W, C]
fn loadA(row: i32, k: i32) -> ${aType} {
  if (row >= M || k >= K) { return ${aType}(0.0); }
  let n = row / (OUT_H * OUT_W);
  let p = row % (OUT_H * OUT_W);
  let kh = k / (K_W * IN_C);
  let q = k % (K_W * IN_C);
  let ih = (p / OUT_W) * S_H - P_T + kh;
  let iw = (p % OUT_W) * S_W - P_L + q / IN_C;
  if (ih < 0 || ih >= IN_H || iw < 0 || iw >= IN_W) { return ${aType}(0.0); }
  return x[(((n * IN_H + ih) * IN_W + iw) * IN_C + q % IN_C) / ${aWidth}];
}

// B[k, co] = w[kh, kw, ci, co]: the filter as stored.  // [KH·KW·C, C′]
fn loadB(k: i32, col: i32) -> ${bType} {
  if (k >= K || col >= OUT_C) { return ${bType}(0.0); }
  return W[(k * OUT_C + col) / ${bWidth}];
}

${epilogueWgsl(epilogue, g.outChannels)}

fn storeC(row: i32, col: i32, value: vec4<f32>) {
  if (row >= M || col >= OUT_C) { return; }
  let v = epilogue(value, row, col);
  ${
    bWidth === 4
      ? 'result[(row * OUT_C + col) / 4] = v;'
      : 'for (var c = 0; c < 4; c++) { if (col + c < OUT_C) { result[row * OUT_C + col + c] = v[c]; } }'
  }
}`;
  return new GemmProgram({
    prefetch: webGpuConvOptions().prefetch,
    name: 'conv2d',
    constants: [...geometryKey(g), epilogue.activation, epilogue.bias, epilogue.alpha ?? 0, epilogue.residual === true],
    tile,
    a: { width: aWidth, along: 'inner' },
    b: { width: bWidth, along: 'outer' },
    z: 'split',
    innerChunk: Math.ceil(inner / tile.depth) * tile.depth,
    operands,
    inputs: ['x', 'W', ...(epilogue.bias ? ['bias'] : []), ...(epilogue.residual === true ? ['residual'] : [])],
    inputWidths: [aWidth, bWidth, ...(epilogue.bias ? [bWidth] : []), ...(epilogue.residual === true ? [bWidth] : [])],
    outputShape: [g.batch, g.outHeight, g.outWidth, g.outChannels],
    outputWidth: bWidth,
    rows,
    cols: g.outChannels,
    zGroups: 1,
  });
}
