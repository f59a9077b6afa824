import type { TorchLayout } from './torch-weight-names.js';

/**
 * Moves a weight between TF.js's layout and PyTorch's, in plain loops (TF.js's cpu `transpose`
 * takes seconds for ResNet-18's 11 M weights): a conv kernel HWIO `[K_h, K_w, C_in, C_out]` ⇄ OIHW
 * `[C_out, C_in, K_h, K_w]`, a dense kernel `[in, out]` ⇄ `[out, in]`; vectors are copied.
 *
 * @param values - the weight's elements, row-major.
 * @param tfjsShape - its shape in TF.js's layout (HWIO or `[in, out]`), whichever way it goes.
 * @param layout - which kind of weight.
 * @param direction - `toTorch` or `fromTorch`.
 * @returns the elements in the other layout.
 * @example
 * const oihw = relayout(kernel.dataSync(), [3, 3, 16, 32], 'conv', 'toTorch');
 */
export function relayout(values: Float32Array, tfjsShape: readonly number[], layout: TorchLayout, direction: 'toTorch' | 'fromTorch'): Float32Array {
  if (layout !== 'conv' && layout !== 'linear') return values.slice();
  const out = new Float32Array(values.length);
  const [kernelH, kernelW, inputs, outputs] = layout === 'conv' ? (tfjsShape as [number, number, number, number]) : [1, 1, tfjsShape[0] ?? 0, tfjsShape[1] ?? 0];
  const toTorch = direction === 'toTorch';
  for (let h = 0; h < kernelH; h++) {
    for (let w = 0; w < kernelW; w++) {
      for (let i = 0; i < inputs; i++) {
        const tfjsRow = ((h * kernelW + w) * inputs + i) * outputs;
        for (let o = 0; o < outputs; o++) {
          const torch = ((o * inputs + i) * kernelH + h) * kernelW + w;
          if (toTorch) out[torch] = values[tfjsRow + o] ?? 0;
          else out[tfjsRow + o] = values[torch] ?? 0;
        }
      }
    }
  }
  return out;
}
