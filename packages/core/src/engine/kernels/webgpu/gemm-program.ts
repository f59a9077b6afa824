import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { tileThreads } from './gemm-tile.js';
import { tiledGemmWgsl, type TiledGemmSpec } from './tiled-gemm-wgsl.js';

/** Everything a {@link GemmProgram} needs: the product's spec and how TF.js binds its tensors. */
export interface GemmProgramSpec extends TiledGemmSpec {
  /** A name for the shader cache; with `constants`, it must identify the generated source. */
  readonly name: string;
  /** Every value baked into the source (shapes, strides, paddings, layouts). */
  readonly constants: readonly (number | string | boolean)[];
  /** WGSL names of the input buffers, in the order the inputs are passed. */
  readonly inputs: readonly string[];
  /** Values per element of each input buffer (4: `array<vec4<f32>>`). */
  readonly inputWidths: readonly (1 | 4)[];
  readonly outputShape: readonly number[];
  /** Values per element of the output buffer `result`. */
  readonly outputWidth: 1 | 4;
  /** Rows of C (M) and columns of C (N), to count the workgroups. */
  readonly rows: number;
  readonly cols: number;
  /** Workgroups along z: inner splits (`z: 'split'`) or whatever the operands make of z (`'free'`). */
  readonly zGroups: number;
}

/**
 * A TF.js WebGPU program computing one tiled matrix product (see `tiledGemmWgsl`), run with
 * `backend.runWebGPUProgram(program, inputs, 'float32')`. Shapes are baked into the source, so
 * the shader key names them all.
 *
 * @example
 * const program = new GemmProgram(spec);
 * const out = backend.runWebGPUProgram(program, [x, filter], 'float32');
 */
export class GemmProgram implements WebGPUProgram {
  variableNames: string[];
  variableComponents: number[];
  outputShape: number[];
  outputComponent: number;
  shaderKey: string;
  dispatchLayout = { x: [0], y: [1], z: [2] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  private readonly source: string;

  constructor(spec: GemmProgramSpec) {
    const threads = tileThreads(spec.tile);
    this.variableNames = [...spec.inputs];
    this.variableComponents = [...spec.inputWidths];
    this.outputShape = [...spec.outputShape];
    this.outputComponent = spec.outputWidth;
    this.workgroupSize = [threads.x, threads.y, 1];
    this.dispatch = [Math.ceil(spec.cols / spec.tile.cols), Math.ceil(spec.rows / spec.tile.rows), spec.zGroups];
    const tile = spec.tile;
    this.shaderKey = [
      'residual',
      spec.name,
      tile.rows,
      tile.cols,
      tile.depth,
      tile.rowsPerThread,
      tile.colsPerThread,
      spec.a.width,
      spec.a.along,
      spec.b.width,
      spec.b.along,
      spec.innerChunk,
      spec.z,
      spec.innerSteps ?? '',
      spec.prefetch === true ? 'prefetch' : 'direct',
      ...spec.constants,
    ].join('_');
    this.source = tiledGemmWgsl(spec);
  }

  getUserCode(): string {
    return this.source;
  }
}
