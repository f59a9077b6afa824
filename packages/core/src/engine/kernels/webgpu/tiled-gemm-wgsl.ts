import { assertGemmTile, tileThreads, type GemmTile } from './gemm-tile.js';

/**
 * How one operand is read from memory: `width` values per load (4: a `vec4<f32>`), laid out
 * consecutively `along` the inner dimension K or the outer one (rows of A, columns of B). Loads
 * run in the order that makes neighbouring threads read neighbouring addresses.
 */
export interface OperandLayout {
  readonly width: 1 | 4;
  readonly along: 'inner' | 'outer';
}

/** What {@link tiledGemmWgsl} needs besides the tile. */
export interface TiledGemmSpec {
  readonly tile: GemmTile;
  /** `fn loadA(row: i32, k: i32) -> f32 | vec4<f32>`: A at (row, k) onwards; zero outside A. */
  readonly a: OperandLayout;
  /** `fn loadB(k: i32, col: i32) -> f32 | vec4<f32>`: B at (k, col) onwards; zero outside B. */
  readonly b: OperandLayout;
  /** Inner-dimension terms each workgroup sums: all of K, or one split of it; a multiple of the tile depth. */
  readonly innerChunk: number;
  /**
   * What workgroup z means: `'split'`, the inner chunk z (the sum starts at z · innerChunk);
   * `'free'`, nothing here (the sum starts at 0) and the operand functions may read `workgroupId.z`.
   */
  readonly z: 'split' | 'free';
  /**
   * A WGSL `i32` expression: how many `depth` steps this workgroup runs (at most innerChunk /
   * depth), when that depends on the workgroup. It is evaluated once per workgroup and shared
   * through `workgroupUniformLoad`, so the loop's barriers stay in uniform control flow.
   */
  readonly innerSteps?: string;
  /** WGSL statements run first in `main()` by every thread, e.g. to set `var<private>` values the operands read. */
  readonly prologue?: string;
  /** Load the next block into registers while computing on this one (double buffering through registers). */
  readonly prefetch?: boolean;
  /**
   * WGSL that defines `loadA`, `loadB` and `fn storeC(row: i32, col: i32, value: vec4<f32>)`
   * (C at row, columns col … col + 3; it must skip what lies outside C).
   */
  readonly operands: string;
}

const lanes = ['x', 'y', 'z', 'w'] as const;

/** How one operand reaches workgroup memory: registers, their loads from memory, their stores to the tile. */
interface Staging {
  readonly declare: string[];
  load(kBase: string): string[];
  readonly store: string[];
}

/** Stages one operand's `depth × outer` block: each thread loads its share into registers, then stores them. */
function stageOperand(name: 'A' | 'B', layout: OperandLayout, outer: number, depth: number, threads: number): Staging {
  const tile = `tile${name}`;
  const type = layout.width === 4 ? 'vec4<f32>' : 'f32';
  const outerVecs = outer / 4;
  const perThread = (depth * outer) / layout.width / threads;
  const declare: string[] = [];
  const loads: Array<(kBase: string) => string> = [];
  const store: string[] = [];
  for (let i = 0; i < perThread; i++) {
    const reg = `r${name}${i}`;
    const idx = `(lid + ${i * threads})`;
    let o: string;
    let kk: string;
    if (layout.width === 4 && layout.along === 'outer') {
      [o, kk] = [`(${idx} % ${outerVecs}) * 4`, `${idx} / ${outerVecs}`];
      store.push(`${tile}[(${kk}) * ${outerVecs} + ${idx} % ${outerVecs}] = ${reg};`);
    } else if (layout.width === 4) {
      [o, kk] = [`${idx} / ${depth / 4}`, `(${idx} % ${depth / 4}) * 4`];
      for (let j = 0; j < 4; j++) store.push(`${tile}[(${kk} + ${j}) * ${outerVecs} + (${o}) / 4][(${o}) % 4] = ${reg}.${lanes[j]};`);
    } else {
      [o, kk] = layout.along === 'outer' ? [`${idx} % ${outer}`, `${idx} / ${outer}`] : [`${idx} / ${depth}`, `${idx} % ${depth}`];
      store.push(`${tile}[(${kk}) * ${outerVecs} + (${o}) / 4][(${o}) % 4] = ${reg};`);
    }
    declare.push(`var ${reg}: ${type};`);
    loads.push((kBase) => (name === 'A' ? `${reg} = loadA(rowBase + ${o}, ${kBase} + ${kk});` : `${reg} = loadB(${kBase} + ${kk}, colBase + ${o});`));
  }
  return { declare, load: (kBase) => loads.map((load) => load(kBase)), store };
}

/**
 * Generates the WGSL `main()` of a tiled matrix product C[M, N] = Σ_k A[M, k] · B[k, N] for
 * TF.js's WebGPU program machinery: each workgroup stages `depth`-deep blocks of A and B in
 * workgroup memory and each thread accumulates a register block of C, then calls `storeC`.
 * Workgroup (x, y, z) computes column tile x, row tile y and, with `z: 'split'`, inner split z.
 * Loop bounds are constants or shared with `workgroupUniformLoad`, so the barriers stay in
 * uniform control flow.
 *
 * @param spec - tile, operand layouts, inner split and the operand functions.
 * @returns WGSL source (module-scope declarations and `fn main()`).
 * @example
 * const source = tiledGemmWgsl({ tile: gemmTiles.medium, a, b, innerChunk: 576, z: 'split', operands });
 */
export function tiledGemmWgsl(spec: TiledGemmSpec): string {
  const { tile } = spec;
  assertGemmTile(tile);
  if (spec.innerChunk <= 0 || spec.innerChunk % tile.depth !== 0) {
    throw new Error(
      `tiledGemmWgsl: innerChunk must be a positive multiple of the tile depth ${tile.depth}, but got ${spec.innerChunk}. ` +
        `Round it up with Math.ceil(chunk / depth) * depth.`,
    );
  }
  const threads = tileThreads(tile);
  const steps =
    spec.innerSteps === undefined
      ? { declare: '', count: String(spec.innerChunk / tile.depth), shared: '' }
      : {
          declare: `if (lid == 0) { innerStepsShared = min(${spec.innerSteps}, ${spec.innerChunk / tile.depth}); }\n  let innerSteps = workgroupUniformLoad(&innerStepsShared);`,
          count: 'innerSteps',
          shared: 'var<workgroup> innerStepsShared: i32;',
        };
  const a = stageOperand('A', spec.a, tile.rows, tile.depth, threads.count);
  const b = stageOperand('B', spec.b, tile.cols, tile.depth, threads.count);
  const rowVecs = tile.rowsPerThread / 4;
  const colVecs = tile.colsPerThread / 4;
  const accNames: string[][] = [];
  for (let r = 0; r < tile.rowsPerThread; r++) accNames.push(Array.from({ length: colVecs }, (_, j) => `acc${r}_${j}`));
  const declare = accNames.flat().map((acc) => `var ${acc} = vec4<f32>(0.0);`);
  const step: string[] = [];
  for (let i = 0; i < rowVecs; i++) step.push(`let a${i} = tileA[kk * ${tile.rows / 4} + ty + ${i * threads.y}];`);
  for (let j = 0; j < colVecs; j++) step.push(`let b${j} = tileB[kk * ${tile.cols / 4} + tx + ${j * threads.x}];`);
  for (let i = 0; i < rowVecs; i++) {
    for (let c = 0; c < 4; c++) {
      for (let j = 0; j < colVecs; j++) {
        const acc = accNames[i * 4 + c]?.[j] ?? '';
        step.push(`${acc} = fma(vec4<f32>(a${i}.${lanes[c]}), b${j}, ${acc});`);
      }
    }
  }
  const store: string[] = [];
  for (let i = 0; i < rowVecs; i++) {
    for (let c = 0; c < 4; c++) {
      for (let j = 0; j < colVecs; j++) {
        const row = `rowBase + (ty + ${i * threads.y}) * 4 + ${c}`;
        const col = `colBase + (tx + ${j * threads.x}) * 4`;
        store.push(`storeC(${row}, ${col}, ${accNames[i * 4 + c]?.[j] ?? ''});`);
      }
    }
  }
  return `
${spec.operands}

var<workgroup> tileA: array<vec4<f32>, ${(tile.depth * tile.rows) / 4}>;
var<workgroup> tileB: array<vec4<f32>, ${(tile.depth * tile.cols) / 4}>;
${steps.shared}

fn main() {
  _ = uniforms.NAN; // TF.js binds its uniform buffer to every program: keep it in the layout
  let tx = i32(localId.x);
  let ty = i32(localId.y);
  let lid = i32(localIndex);
  let colBase = i32(workgroupId.x) * ${tile.cols};
  let rowBase = i32(workgroupId.y) * ${tile.rows};
  ${spec.prologue ?? ''}
  let kBegin = ${spec.z === 'split' ? `i32(workgroupId.z) * ${spec.innerChunk}` : '0'};
  ${steps.declare}
  ${declare.join('\n  ')}
  ${[...a.declare, ...b.declare].join('\n  ')}
  ${spec.prefetch ? [...a.load('kBegin'), ...b.load('kBegin')].join('\n  ') : ''}
  for (var t = 0; t < ${steps.count}; t++) {
    ${spec.prefetch ? '' : [`let kBase = kBegin + t * ${tile.depth};`, ...a.load('kBase'), ...b.load('kBase')].join('\n    ')}
    ${[...a.store, ...b.store].join('\n    ')}
    workgroupBarrier();
    ${
      spec.prefetch
        ? `if (t + 1 < ${steps.count}) { // the next block's loads overlap this block's arithmetic
      let kNext = kBegin + (t + 1) * ${tile.depth};
      ${[...a.load('kNext'), ...b.load('kNext')].join('\n      ')}
    }`
        : ''
    }
    for (var kk = 0; kk < ${tile.depth}; kk++) {
      ${step.join('\n      ')}
    }
    workgroupBarrier();
  }
  ${store.join('\n  ')}
}
`;
}
