import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';

/** A `[before, after]` amount per axis; a negative amount crops instead of padding. */
export type PadOrCrop = ReadonlyArray<readonly [number, number]>;

/**
 * Runs other kernels of one backend from inside a kernel, so a gradient kernel can be built from
 * fast kernels the backend already has (Conv2D, Transpose, …) without going through the engine.
 * Every intermediate is a `TensorInfo` that the caller frees with {@link KernelRunner.dispose}.
 *
 * @example
 * const run = new KernelRunner('wasm', backend);
 * const t = run.run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // [C, H, W, N]
 * run.dispose(t);
 */
export class KernelRunner {
  constructor(
    readonly backendName: string,
    readonly backend: KernelBackend,
  ) {}

  /** Runs kernel `name` of this backend and returns its single output. */
  run(name: string, inputs: NamedTensorInfoMap | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = tf.getKernel(name, this.backendName);
    if (kernel === undefined) {
      throw new Error(
        `Residual kernels: backend '${this.backendName}' must have kernel '${name}', but got none. ` +
          `Use a TF.js 4.22 backend package or another backend.`,
      );
    }
    const out = kernel.kernelFunc({ inputs: inputs as NamedTensorInfoMap, backend: this.backend, attrs });
    return Array.isArray(out) ? (out[0] as TensorInfo) : out;
  }

  /** Frees intermediates; inputs the kernel received must never be passed here. */
  dispose(...infos: TensorInfo[]): void {
    for (const info of infos) this.backend.disposeData(info.dataId);
  }

  /** A new float32 tensor of this backend holding `values` (freed with {@link KernelRunner.dispose}). */
  write(values: Float32Array, shape: readonly number[]): TensorInfo {
    return { dataId: this.backend.write(values, [...shape], 'float32'), shape: [...shape], dtype: 'float32' };
  }

  /** Reshapes without copying (the result shares `x`'s data). */
  reshape(x: TensorInfo, shape: readonly number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape: [...shape] });
  }

  /** Transposes `x` by `perm` (a copy). */
  transpose(x: TensorInfo, perm: readonly number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm: [...perm] });
  }

  /**
   * Crops the axes whose amounts are negative and returns the non-negative remainder as padding,
   * so a following convolution pads for free instead of copying.
   *
   * @param x - any rank.
   * @param amounts - one `[before, after]` per axis.
   * @returns the (possibly cropped) tensor, whether it is a new one, and the padding still to apply.
   */
  cropNegative(x: TensorInfo, amounts: PadOrCrop): { x: TensorInfo; owned: boolean; pad: Array<[number, number]> } {
    const pad = amounts.map(([before, after]) => [Math.max(before, 0), Math.max(after, 0)] as [number, number]);
    if (amounts.every(([before, after]) => before >= 0 && after >= 0)) return { x, owned: false, pad };
    const begin = amounts.map(([before]) => Math.max(-before, 0));
    const size = amounts.map(([, after], axis) => (x.shape[axis] ?? 0) - (begin[axis] ?? 0) - Math.max(-after, 0));
    return { x: this.run('Slice', { x }, { begin, size }), owned: true, pad };
  }
}

/**
 * A kernel config whose body runs on one backend through a {@link KernelRunner}: the shared tail of
 * Residual's kernels built from a backend's own kernels.
 *
 * @param kernelName - the TF.js kernel it provides, e.g. `'Conv2DBackpropFilter'`.
 * @param backendName - e.g. `'wasm'`.
 * @param body - computes the output from the kernel's named inputs and attributes.
 * @returns a config for `tf.registerKernel`.
 * @example
 * runnerKernel('Conv2DBackpropFilter', 'wasm', (run, inputs, attrs) => conv2dBackpropFilter(run, inputs['x']!, inputs['dy']!, attrs as never));
 */
export function runnerKernel(
  kernelName: string,
  backendName: string,
  body: (run: KernelRunner, inputs: NamedTensorInfoMap, attrs: NamedAttrMap) => TensorInfo,
): KernelConfig {
  return {
    kernelName,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => body(new KernelRunner(backendName, backend as KernelBackend), inputs, attrs ?? {}),
  };
}
