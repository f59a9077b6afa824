/** How {@link applyGpuRequestOptions} changes adapter and device requests. */
export interface GpuRequestOptions {
  /**
   * `'compatibility'` lets Dawn offer adapters that only reach WebGPU's compatibility level, such
   * as Mesa's software OpenGL ES renderer (TF.js never asks for it).
   */
  readonly featureLevel?: 'core' | 'compatibility';
  /** Device features to turn on whenever the adapter offers them (TF.js only asks for timestamps). */
  readonly optionalFeatures?: readonly GPUFeatureName[];
}

const patched = Symbol.for('residual.gpuRequestOptions');

/**
 * Wraps `gpu.requestAdapter` in place so every adapter TF.js asks for uses `featureLevel`, and
 * every device it asks that adapter for also gets the `optionalFeatures` the adapter offers.
 * Call it on `navigator.gpu` before TF.js's webgpu backend initialises. Calling it again on the
 * same object does nothing.
 *
 * @param gpu - `navigator.gpu`, or Dawn's `create([...])` in Node.
 * @param options - feature level and optional device features.
 * @returns the same object.
 * @example
 * applyGpuRequestOptions(navigator.gpu, { optionalFeatures: ['subgroups'] });
 */
export function applyGpuRequestOptions(gpu: GPU, options: GpuRequestOptions): GPU {
  const holder = gpu as GPU & { [patched]?: true };
  if (holder[patched]) return gpu;
  const requestAdapter = gpu.requestAdapter.bind(gpu);
  const extra = options.featureLevel === undefined ? {} : { featureLevel: options.featureLevel };
  const optional = options.optionalFeatures ?? [];
  holder.requestAdapter = async (adapterOptions?: GPURequestAdapterOptions) => {
    const adapter = await requestAdapter({ ...adapterOptions, ...extra } as GPURequestAdapterOptions);
    if (adapter === null || optional.length === 0) return adapter;
    const requestDevice = adapter.requestDevice.bind(adapter);
    adapter.requestDevice = (descriptor?: GPUDeviceDescriptor) => {
      const asked = [...(descriptor?.requiredFeatures ?? [])];
      const offered = optional.filter((feature) => adapter.features.has(feature) && !asked.includes(feature));
      return requestDevice({ ...descriptor, requiredFeatures: [...asked, ...offered] });
    };
    return adapter;
  };
  holder[patched] = true;
  return gpu;
}
