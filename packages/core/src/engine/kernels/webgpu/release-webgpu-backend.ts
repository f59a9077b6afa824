import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/**
 * Removes TF.js's webgpu backend and destroys its GPU device. In Node, a process that used Dawn
 * may not exit while a device is alive; call this when done (tests: in `afterAll`).
 *
 * @returns whether a webgpu backend was there to release.
 * @example
 * afterAll(() => releaseWebGpuBackend());
 */
export function releaseWebGpuBackend(): boolean {
  const backend = tf.findBackend('webgpu') as WebGPUBackend | null;
  if (backend === null) return false;
  tf.removeBackend('webgpu');
  backend.device.destroy();
  return true;
}
