import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { ReduceGeometry, ReducePlan } from './reduce-geometry.js';

/**
 * Sums `x`, seen as `[outer, rows, inner]`, over `rows`, and multiplies by `scale` (1 for a sum,
 * 1 / rows for a mean). Workgroup (c, s, o) adds split `s` of the rows for `columnThreads` columns
 * of batch `o`: each thread sums every `rowThreads`-th row of the split, then the workgroup adds
 * its threads' sums in a fixed tree, so results never depend on scheduling. Output:
 * `[splits, outer, inner]` (or `outputShape` when there is one split). Input: `x`.
 *
 * @example
 * const g = { outer: 1, rows: 4096, inner: 64, width: 4 } as const;
 * const program = new ReduceRowsProgram(g, planReduce(g, options), 1 / 4096, [64]);
 * const mean = backend.runWebGPUProgram(program, [x], 'float32'); // [64]
 */
export class ReduceRowsProgram implements WebGPUProgram {
  variableNames = ['x'];
  variableComponents: number[];
  outputShape: number[];
  outputComponent: number;
  shaderKey: string;
  dispatchLayout = { x: [0], y: [1], z: [2] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  private readonly geometry: ReduceGeometry;
  private readonly plan: ReducePlan;
  private readonly scale: number;

  /**
   * @param geometry - the `[outer, rows, inner]` view of `x`.
   * @param plan - threads and splits ({@link planReduce}).
   * @param scale - multiplies each output (applied once, in the pass that writes the result).
   * @param outputShape - the result's shape when `plan.splits` is 1 (outer · inner elements).
   */
  constructor(geometry: ReduceGeometry, plan: ReducePlan, scale: number, outputShape: readonly number[]) {
    const { outer, inner, width } = geometry;
    this.geometry = geometry;
    this.plan = plan;
    this.scale = scale;
    this.outputShape = plan.splits === 1 ? [...outputShape] : [plan.splits, outer * inner];
    this.outputComponent = width;
    this.variableComponents = [width];
    this.workgroupSize = [plan.columnThreads * plan.rowThreads, 1, 1]; // flat: WebGPU caps y lower than x
    this.dispatch = [Math.ceil(inner / width / plan.columnThreads), plan.splits, outer];
    const key = [geometry.outer, geometry.rows, inner, width, plan.columnThreads, plan.rowThreads, plan.splits, plan.rowsPerSplit];
    this.shaderKey = `residual_reduceRows_${key.join('_')}_${scale}`;
  }

  getUserCode(): string {
    const { outer, rows, inner, width } = this.geometry;
    const { columnThreads, rowThreads, rowsPerSplit } = this.plan;
    const type = width === 4 ? 'vec4<f32>' : 'f32';
    const columns = inner / width;
    const tree: string[] = [];
    for (let stride = rowThreads / 2; stride >= 1; stride /= 2) {
      tree.push(`if (ly < ${stride}) { sums[li] += sums[li + ${stride * columnThreads}]; }`, 'workgroupBarrier();');
    }
    return `
var<workgroup> sums: array<${type}, ${columnThreads * rowThreads}>;

fn main() {
  _ = uniforms.NAN; // keep TF.js's uniform buffer in the layout
  let li = i32(localIndex);
  let lx = li % ${columnThreads}; // column within the workgroup's columns
  let ly = li / ${columnThreads}; // first row of this thread
  let column = i32(workgroupId.x) * ${columnThreads} + lx;
  let split = i32(workgroupId.y);
  let o = i32(workgroupId.z);
  let rowEnd = min((split + 1) * ${rowsPerSplit}, ${rows});
  var sum = ${type}(0.0);
  if (column < ${columns}) {
    for (var row = split * ${rowsPerSplit} + ly; row < rowEnd; row += ${rowThreads}) {
      sum += x[(o * ${rows} + row) * ${columns} + column];
    }
  }
  sums[li] = sum;
  workgroupBarrier();
  ${tree.join('\n  ')}
  if (ly == 0 && column < ${columns}) {
    result[(split * ${outer} + o) * ${columns} + column] = sums[lx] * ${this.scale.toPrecision(9)};
  }
}
`;
  }
}
