import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

const threads = 64;
/** Workgroups per row of the launch grid (under WebGPU's 65535 per dimension). */
const gridWidth = 32768;

/**
 * Sums the rows of a `[splits, size]` scratch tensor into a tensor of `outputShape` (size
 * elements), in a fixed order, so results do not depend on scheduling. Reads `vec4`s when `size`
 * is a multiple of 4. Input: `partial` [splits, size].
 *
 * @example
 * const dw = backend.runWebGPUProgram(new SplitSumProgram(103, [3, 3, 64, 64]), [partial], 'float32');
 */
export class SplitSumProgram implements WebGPUProgram {
  variableNames = ['partial'];
  variableComponents: number[];
  outputShape: number[];
  outputComponent: number;
  shaderKey: string;
  dispatchLayout = { x: [0], y: [1], z: [2] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [threads, 1, 1];
  private readonly splits: number;
  private readonly count: number;

  constructor(splits: number, outputShape: readonly number[]) {
    const size = outputShape.reduce((product, dim) => product * dim, 1);
    const width = size % 4 === 0 ? 4 : 1;
    this.splits = splits;
    this.count = size / width;
    this.outputShape = [...outputShape];
    this.outputComponent = width;
    this.variableComponents = [width];
    const groups = Math.ceil(this.count / threads);
    this.dispatch = [Math.min(groups, gridWidth), Math.ceil(groups / gridWidth), 1];
    this.shaderKey = `residual_splitSum_${splits}_${this.count}_${width}`;
  }

  getUserCode(): string {
    return `
fn main() {
  _ = uniforms.NAN; // keep TF.js's uniform buffer in the layout
  let i = (i32(workgroupId.y) * ${gridWidth} + i32(workgroupId.x)) * ${threads} + i32(localIndex);
  if (i >= ${this.count}) { return; }
  var sum = partial[i];
  for (var s = 1; s < ${this.splits}; s++) {
    sum += partial[s * ${this.count} + i];
  }
  result[i] = sum;
}
`;
  }
}
