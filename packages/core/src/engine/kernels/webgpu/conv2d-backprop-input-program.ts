import { chooseGemmTile } from './choose-gemm-tile.js';
import { geometryConstants, geometryKey, type ConvGeometry } from './conv-geometry.js';
import { GemmProgram } from './gemm-program.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/**
 * The input gradient dx of a convolution as implicit matrix products, one per stride phase:
 * dx[n, h, w, ci] = Σ dy[n, oh, ow, co] · w[kh, kw, ci, co] over h = oh·S_H − P_T + kh, so only
 * the taps kh ≡ h + P_T (mod S_H) contribute. Workgroup z picks the phase (rh, rw); its rows are
 * the pixels (n, h, w) of that phase, its inner index k = (a, b, co) the taps kh = rh + a·S_H,
 * kw = rw + b·S_W, and its columns the input channels. With stride 1 there is one phase and
 * every tap; with stride 2 a 3×3 filter does at most 4 of 9 taps per pixel instead of 9 mostly
 * zero ones. Inputs, in order: `dy` [N, H′, W′, C′], `W` [KH, KW, C, C′].
 *
 * @param geometry - the forward convolution (NHWC).
 * @returns the program, run with `runWebGPUProgram(program, [dy, filter], 'float32')`; output [N, H, W, C].
 * @example
 * const program = conv2dBackpropInputProgram(geometry);
 */
export function conv2dBackpropInputProgram(geometry: ConvGeometry): GemmProgram {
  const g = geometry;
  const [rowsQ, colsQ] = [Math.ceil(g.inHeight / g.strideHeight), Math.ceil(g.inWidth / g.strideWidth)];
  const [tapsQH, tapsQW] = [Math.ceil(g.filterHeight / g.strideHeight), Math.ceil(g.filterWidth / g.strideWidth)];
  const rows = g.batch * rowsQ * colsQ;
  const inner = tapsQH * tapsQW * g.outChannels;
  const tile = chooseGemmTile(rows * g.strideHeight * g.strideWidth, g.inChannels);
  const innerWidth = g.outChannels % 4 === 0 ? 4 : 1;
  const cWidth = g.inChannels % 4 === 0 ? 4 : 1;
  const type = innerWidth === 4 ? 'vec4<f32>' : 'f32';
  const operands = `
${geometryConstants(g)}
const HQ: i32 = ${rowsQ}; // rows of a phase, at most
const WQ: i32 = ${colsQ};
const KHQ: i32 = ${tapsQH}; // taps of a phase, at most
const KWQ: i32 = ${tapsQW};
const M: i32 = ${rows};
const K: i32 = ${inner};

// This workgroup's phase: every pixel has (h + P_T) mod S_H = RH and (w + P_L) mod S_W = RW;
// its first row is H0 and first column W0. Set by the prologue.
var<private> RH: i32;
var<private> RW: i32;
var<private> H0: i32;
var<private> W0: i32;

fn setPhase() {
  let z = i32(workgroupId.z);
  RH = z / S_W;
  RW = z % S_W;
  H0 = ((RH - P_T) % S_H + S_H) % S_H;
  W0 = ((RW - P_L) % S_W + S_W) % S_W;
}

// The pixel (n, h, w) of row m of this phase; h = IN_H when the row lies past the image.
fn pixelOf(m: i32) -> vec3<i32> {
  let p = m % (HQ * WQ);
  let h = H0 + (p / WQ) * S_H;
  let w = W0 + (p % WQ) * S_W;
  return select(vec3<i32>(m / (HQ * WQ), h, w), vec3<i32>(0, IN_H, IN_W), m >= M || h >= IN_H || w >= IN_W);
}

// The tap (kh, kw) and output channel of inner index k of this phase; kh = K_H past the filter.
fn tapOf(k: i32) -> vec3<i32> {
  let kh = RH + (k / (KWQ * OUT_C)) * S_H;
  let kw = RW + ((k % (KWQ * OUT_C)) / OUT_C) * S_W;
  return select(vec3<i32>(kh, kw, k % OUT_C), vec3<i32>(K_H, K_W, 0), k >= K || kh >= K_H || kw >= K_W);
}

// A[m, k] = dy[n, oh, ow, co] with oh·S_H − P_T + kh = h (exact within a phase).  // [N, H′, W′, C′]
fn loadA(row: i32, k: i32) -> ${type} {
  if (row >= M || k >= K) { return ${type}(0.0); } // first: SwiftShader compiles this 30× faster
  let px = pixelOf(row);
  let tap = tapOf(k);
  let ohS = px.y + P_T - tap.x;
  let owS = px.z + P_L - tap.y;
  if (px.y >= IN_H || tap.x >= K_H || ohS < 0 || owS < 0 || ohS / S_H >= OUT_H || owS / S_W >= OUT_W) {
    return ${type}(0.0);
  }
  return dy[(((px.x * OUT_H + ohS / S_H) * OUT_W + owS / S_W) * OUT_C + tap.z) / ${innerWidth}];
}

// B[k, ci] = w[kh, kw, ci, co]: consecutive k (co) are consecutive in memory.  // [KH, KW, C, C′]
fn loadB(k: i32, col: i32) -> ${type} {
  if (k >= K || col >= IN_C) { return ${type}(0.0); }
  let tap = tapOf(k);
  if (tap.x >= K_H || col >= IN_C) { return ${type}(0.0); }
  return W[(((tap.x * K_W + tap.y) * IN_C + col) * OUT_C + tap.z) / ${innerWidth}];
}

fn storeC(row: i32, col: i32, value: vec4<f32>) {
  if (row >= M || col >= IN_C) { return; }
  let px = pixelOf(row);
  if (px.y >= IN_H || col >= IN_C) { return; }
  let at = ((px.x * IN_H + px.y) * IN_W + px.z) * IN_C + col;
  ${
    cWidth === 4
      ? 'result[at / 4] = value;'
      : 'for (var c = 0; c < 4; c++) { if (col + c < IN_C) { result[at + c] = value[c]; } }'
  }
}`;
  // Taps of this phase along h: a prefix of k, so the loop stops after them.
  const phaseTapsH = '(K_H - RH + S_H - 1) / S_H';
  return new GemmProgram({
    prefetch: webGpuConvOptions().prefetch,
    name: 'conv2dBackpropInput',
    constants: geometryKey(g),
    tile,
    a: { width: innerWidth, along: 'inner' },
    b: { width: innerWidth, along: 'inner' },
    innerChunk: Math.ceil(inner / tile.depth) * tile.depth,
    z: 'free',
    prologue: 'setPhase();',
    innerSteps: `(max(${phaseTapsH}, 0) * KWQ * OUT_C + ${tile.depth - 1}) / ${tile.depth}`,
    operands,
    inputs: ['dy', 'W'],
    inputWidths: [innerWidth, innerWidth],
    outputShape: [g.batch, g.inHeight, g.inWidth, g.inChannels],
    outputWidth: cWidth,
    rows,
    cols: g.inChannels,
    zGroups: g.strideHeight * g.strideWidth,
  });
}
