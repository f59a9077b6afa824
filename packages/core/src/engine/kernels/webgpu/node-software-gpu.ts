import { applyGpuRequestOptions } from './gpu-request-options.js';

/** Whether Dawn gave Node a WebGPU adapter, and which; or why not. */
export type NodeWebGpu =
  | { readonly available: true; readonly adapter: string; readonly features: readonly string[] }
  | { readonly available: false; readonly reason: string };

/** How {@link installNodeWebGpu} starts Dawn. */
export interface NodeWebGpuOptions {
  /** Dawn toggles for `create()`, e.g. `['backend=opengles']`. */
  readonly flags: readonly string[];
  readonly featureLevel?: 'core' | 'compatibility';
  /** Environment variables set before Dawn starts, unless already set. */
  readonly env?: Readonly<Record<string, string>>;
  /** Device features to turn on when offered (see `applyGpuRequestOptions`). */
  readonly optionalFeatures?: readonly GPUFeatureName[];
  /** How long the adapter request may take; default 20 s. */
  readonly timeoutMs?: number;
}

/**
 * Dawn on Mesa's software renderer (llvmpipe) through OpenGL ES without a display, at WebGPU's
 * compatibility level: works on a machine without a GPU with Debian 12's `libegl1`,
 * `libegl-mesa0` and `libgl1-mesa-dri` (Mesa 22's lavapipe Vulkan driver is too old for Dawn).
 */
export const softwareWebGpuOptions: NodeWebGpuOptions = {
  flags: ['backend=opengles'],
  featureLevel: 'compatibility',
  env: { EGL_PLATFORM: 'surfaceless' },
};

function describe(adapter: GPUAdapter): string {
  const info = adapter.info;
  return [info.vendor, info.architecture, info.device, info.description].filter((part) => part !== '').join(' ') || 'unnamed adapter';
}

/**
 * Starts Dawn (the npm package `webgpu`) and installs it as `navigator.gpu` with its WebGPU
 * globals, so `@tensorflow/tfjs-backend-webgpu` can be imported afterwards and finds it. By
 * default it uses the software adapter ({@link softwareWebGpuOptions}); pass `{ flags: [] }` for a
 * real GPU. Never throws for a missing package or adapter: it says why. A process that used Dawn
 * may not exit by itself: call `releaseWebGpuBackend()` or `process.exit()`.
 *
 * @param options - Dawn flags, feature level, environment.
 * @returns the adapter's description and features, or why there is none.
 * @example
 * const gpu = await installNodeWebGpu();
 * if (gpu.available) await import('@tensorflow/tfjs-backend-webgpu');
 * else console.log(`webgpu: ${gpu.reason}`);
 */
export async function installNodeWebGpu(options: NodeWebGpuOptions = softwareWebGpuOptions): Promise<NodeWebGpu> {
  for (const [name, value] of Object.entries(options.env ?? {})) process.env[name] ??= value;
  let dawn: { create(flags: string[]): GPU; globals: Record<string, unknown> };
  try {
    dawn = (await import('webgpu')) as unknown as typeof dawn;
  } catch (error) {
    return { available: false, reason: `the optional package 'webgpu' (Dawn) could not be loaded: ${String(error).split('\n')[0]}` };
  }
  const gpu = applyGpuRequestOptions(dawn.create([...options.flags]), {
    ...(options.featureLevel === undefined ? {} : { featureLevel: options.featureLevel }),
    ...(options.optionalFeatures === undefined ? {} : { optionalFeatures: options.optionalFeatures }),
  });
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const adapter = await Promise.race([gpu.requestAdapter().catch(() => null), timeout]);
  clearTimeout(timer);
  const how = `Dawn flags [${options.flags.join(', ')}], feature level ${options.featureLevel ?? 'core'}`;
  if (adapter === 'timeout') return { available: false, reason: `Dawn did not answer within ${timeoutMs} ms (${how})` };
  if (adapter === null) return { available: false, reason: `Dawn found no adapter (${how})` };
  Object.assign(globalThis, dawn.globals);
  const navigator = (globalThis as { navigator?: object }).navigator ?? { userAgent: 'node' };
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
  Object.defineProperty(navigator, 'gpu', { value: gpu, configurable: true, writable: true });
  return { available: true, adapter: describe(adapter), features: [...adapter.features].sort() };
}
