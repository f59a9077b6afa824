import { describe, expect, it } from 'vitest';
import { installNodeWebGpu, softwareWebGpuOptions } from './node-software-gpu.js';

const gpuOf = () => (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
const refused = await installNodeWebGpu({ ...softwareWebGpuOptions, featureLevel: 'core' });
const installedAfterRefusal = gpuOf() !== undefined;
const software = await installNodeWebGpu();
if (!software.available) {
  const message = `installNodeWebGpu: SKIPPED, no software adapter: ${software.reason}`;
  if (process.env['RESIDUAL_REQUIRE_WEBGPU'] === '1') throw new Error(`${message} (RESIDUAL_REQUIRE_WEBGPU=1 makes this an error)`);
  console.warn(message);
}

describe('installNodeWebGpu', () => {
  it('finds no OpenGL ES adapter at the core feature level, says which request failed, and installs nothing', () => {
    expect(refused).toEqual({ available: false, reason: 'Dawn found no adapter (Dawn flags [backend=opengles], feature level core)' });
    expect(installedAfterRefusal).toBe(false);
  });

  it.skipIf(!software.available)('installs Mesa’s software adapter as navigator.gpu, with the WebGPU globals', () => {
    expect(software.available && software.adapter).toMatch(/llvmpipe|lavapipe|softpipe/);
    expect(gpuOf()).toBeDefined();
    expect((globalThis as { GPUBufferUsage?: { STORAGE?: number } }).GPUBufferUsage?.STORAGE).toBe(0x80);
  });
});
