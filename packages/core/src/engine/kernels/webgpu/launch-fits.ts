import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/**
 * True when a launch of `dispatch` workgroups writing `outputElements` floats stays within the
 * device's limits (workgroups per dimension, storage buffer size); else the stock kernel runs.
 *
 * @param backend - the webgpu backend (its `device.limits`).
 * @param dispatch - workgroups along x, y, z.
 * @param outputElements - floats the program writes.
 * @returns whether the device accepts it.
 * @example
 * if (!launchFits(backend, program.dispatch, size)) return runStockWebGpuKernel('Conv2D', args);
 */
export function launchFits(backend: WebGPUBackend, dispatch: readonly number[], outputElements: number): boolean {
  const limits = backend.device.limits;
  return (
    dispatch.every((count) => count >= 1 && count <= limits.maxComputeWorkgroupsPerDimension) &&
    outputElements * 4 <= limits.maxStorageBufferBindingSize
  );
}
