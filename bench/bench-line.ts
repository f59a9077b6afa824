// One benchmark result as the JSON line and the human line that bench/torch_resnet.py also prints,
// so bench/ratio.py can pair the two frameworks.
import type { KernelTime } from '@residual/core';

/** A result in the shared format of the TF.js and PyTorch benchmarks. */
export interface BenchLine {
  readonly framework: 'tfjs' | 'torch';
  readonly model: string;
  readonly mode: 'train' | 'infer';
  /** `webgpu`, `wasm`, `cpu` (TF.js) or `cuda` (PyTorch). */
  readonly backend: string;
  /** TF.js: `residual` or `stock` kernels; PyTorch: `cudnn`. */
  readonly kernels: string;
  /** TF.js inference: `folded` (batch norms in their convs) or `layers` (as built); absent otherwise. */
  readonly inference?: 'folded' | 'layers';
  /** `fp32` (strict) or `tf32`. */
  readonly precision: 'fp32' | 'tf32';
  readonly device: string;
  readonly batchSize: number;
  readonly steps: number;
  readonly msPerStep: number;
  /** TF.js in Node: the process's CPU time per step (all threads); steadier than wall time on a shared machine. */
  readonly cpuMsPerStep?: number | null;
  readonly imagesPerSecond: number;
  /** TF.js: its own count (`tf.profile().peakBytes`), a buffer once per tensor sharing it; PyTorch: its allocator's peak. */
  readonly peakBytes: number;
  /**
   * TF.js on wasm: the wasm heap's size after the run (`benchmark().heapBytes`), its high-water mark
   * since the backend started, what was really held (in a process that ran several benchmarks, the
   * most any of them held: `bench:cpu` runs each in its own); absent otherwise.
   */
  readonly heapBytes?: number | null;
  /** Trainable parameters: the two frameworks must have built the same network. */
  readonly params: number;
  /** TF.js: time by kernel in one profiled step (`benchmark().kernels`); absent or null otherwise. */
  readonly kernelTimes?: readonly KernelTime[] | null;
  /** CPU threads (wasm, and PyTorch on the CPU); absent on GPUs. */
  readonly threads?: number | null;
  /** TF.js flags the run set (`--tf-flag`), when any. */
  readonly tfFlags?: Readonly<Record<string, number | boolean | string>>;
}

/**
 * The human-readable line of a result.
 *
 * @param line - the result.
 * @returns e.g. `infer resnet20 tfjs/webgpu/residual/folded fp32, …` or `train cifarResnet18 tfjs/webgpu/residual fp32, batch 256, 20 steps: 123.4 ms/step, 2074.5 images/s, peak 1234.5 MB`.
 * @example
 * console.log(formatBenchLine(line));
 */
export function formatBenchLine(line: BenchLine): string {
  return (
    `${line.mode} ${line.model} ${line.framework}/${line.backend}/${line.kernels}${line.inference === undefined ? '' : `/${line.inference}`} ${line.precision}, ` +
    `batch ${line.batchSize}, ${line.steps} steps: ${line.msPerStep.toFixed(1)} ms/step` +
    `${line.cpuMsPerStep === undefined || line.cpuMsPerStep === null ? '' : ` (CPU ${line.cpuMsPerStep.toFixed(1)} ms)`}, ` +
    `${line.imagesPerSecond.toFixed(1)} images/s, peak ${(line.peakBytes / 1e6).toFixed(1)} MB` +
    `${line.heapBytes === undefined || line.heapBytes === null ? '' : `, wasm heap ${(line.heapBytes / 1e6).toFixed(1)} MB`}`
  );
}

