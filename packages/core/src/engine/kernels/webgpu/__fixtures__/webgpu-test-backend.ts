import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import { installNodeWebGpu, softwareWebGpuOptions, type NodeWebGpu } from '../node-software-gpu.js';
import { registerWebGpuKernels } from '../register-webgpu-kernels.js';

/**
 * Makes `webgpu` a ready TF.js backend with Residual's kernels, on the adapter the environment
 * asks for: `RESIDUAL_WEBGPU_FLAGS` (comma-separated Dawn flags; set it, even empty, for a real
 * GPU), else Mesa's software renderer. When there is no adapter the reason is printed, and with
 * `RESIDUAL_REQUIRE_WEBGPU=1` (CI) it throws instead, so the kernel tests cannot be skipped silently.
 */
export async function setUpWebGpuForTests(suite: string): Promise<NodeWebGpu> {
  const flags = process.env['RESIDUAL_WEBGPU_FLAGS'];
  const options =
    flags === undefined ? softwareWebGpuOptions : { flags: flags.split(',').map((flag) => flag.trim()).filter(Boolean) };
  let gpu = await installNodeWebGpu(options);
  if (gpu.available) {
    await import('@tensorflow/tfjs-backend-webgpu');
    if (await tf.setBackend('webgpu')) registerWebGpuKernels();
    else gpu = { available: false, reason: `TF.js could not start its webgpu backend on ${gpu.adapter}` };
  }
  if (!gpu.available) {
    const message = `${suite}: SKIPPED, no WebGPU adapter: ${gpu.reason}`;
    if (process.env['RESIDUAL_REQUIRE_WEBGPU'] === '1') throw new Error(`${message} (RESIDUAL_REQUIRE_WEBGPU=1 makes this an error)`);
    console.warn(message);
  }
  return gpu;
}
