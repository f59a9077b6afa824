import { describe, expect, it } from 'vitest';
import { applyGpuRequestOptions } from './gpu-request-options.js';

/** A stand-in for `navigator.gpu` whose adapter offers `features` and records what it was asked. */
function fakeGpu(features: string[]) {
  const asked: { adapter: unknown[]; device: unknown[] } = { adapter: [], device: [] };
  const adapter = {
    features: new Set(features),
    requestDevice: async (descriptor?: unknown) => {
      asked.device.push(descriptor);
      return {};
    },
  };
  const gpu = {
    requestAdapter: async (options?: unknown) => {
      asked.adapter.push(options);
      return adapter;
    },
  };
  return { gpu: gpu as unknown as GPU, asked };
}

describe('applyGpuRequestOptions', () => {
  it('asks every adapter for the feature level, keeping the caller’s own options', async () => {
    const { gpu, asked } = fakeGpu([]);
    applyGpuRequestOptions(gpu, { featureLevel: 'compatibility' });
    await gpu.requestAdapter({ powerPreference: 'high-performance' });
    expect(asked.adapter).toEqual([{ powerPreference: 'high-performance', featureLevel: 'compatibility' }]);
  });

  it('adds the optional features the adapter offers to each device request, and only those', async () => {
    const { gpu, asked } = fakeGpu(['subgroups', 'timestamp-query']);
    applyGpuRequestOptions(gpu, { optionalFeatures: ['subgroups', 'shader-f16'] });
    const adapter = await gpu.requestAdapter();
    await adapter?.requestDevice({ requiredFeatures: ['timestamp-query'] });
    expect(asked.device).toEqual([{ requiredFeatures: ['timestamp-query', 'subgroups'] }]);
  });

  it('wraps a GPU once, however often it is called', async () => {
    const { gpu, asked } = fakeGpu([]);
    applyGpuRequestOptions(gpu, { featureLevel: 'compatibility' });
    applyGpuRequestOptions(gpu, { featureLevel: 'core' });
    await gpu.requestAdapter();
    expect(asked.adapter).toEqual([{ featureLevel: 'compatibility' }]);
  });
});
