import type { BackendChoice, BackendSkip } from './backend-choice.js';
import { registerTrainingKernels } from '../kernels/register-training-kernels.js';
import { trySetBackend } from './try-set-backend.js';

/** Backends a browser (or any JavaScript runtime) can use, best first. */
export const browserBackendOrder = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** One of the browser-capable TF.js backends. */
export type BrowserBackendName = (typeof browserBackendOrder)[number];

/** Options for {@link selectBrowserBackend}. */
export interface SelectBrowserBackendOptions {
  /** Backends to try, in order; default {@link browserBackendOrder}. A single name forces it (falling back to cpu). */
  readonly order?: readonly BrowserBackendName[];
  /**
   * Where the browser finds the wasm backend's `.wasm` files: a URL prefix ending in `/`, or a
   * map from file name to URL (passed to `setWasmPaths` of `@tensorflow/tfjs-backend-wasm`).
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
}

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Loads one backend's package and says why it cannot be used, or `undefined` when it can be tried. */
async function prepare(name: BrowserBackendName, options: SelectBrowserBackendOptions): Promise<string | undefined> {
  switch (name) {
    case 'webgpu': {
      const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
      if (gpu === undefined) return 'navigator.gpu is missing (this runtime has no WebGPU)';
      const adapter = await gpu.requestAdapter().catch(() => null);
      if (adapter === null || adapter === undefined) return 'navigator.gpu.requestAdapter() found no adapter';
      await import('@tensorflow/tfjs-backend-webgpu');
      return undefined;
    }
    case 'webgl': {
      if (!hasWebGl()) return 'no WebGL context can be created here';
      await import('@tensorflow/tfjs-backend-webgl');
      return undefined;
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths as Parameters<typeof wasm.setWasmPaths>[0]);
      return undefined;
    }
    case 'cpu': {
      await import('@tensorflow/tfjs-backend-cpu');
      return undefined;
    }
  }
}

function hasWebGl(): boolean {
  const doc = (globalThis as { document?: { createElement(tag: string): { getContext(kind: string): unknown } } }).document;
  if (doc === undefined) return false;
  try {
    const canvas = doc.createElement('canvas');
    return canvas.getContext('webgl2') !== null || canvas.getContext('webgl') !== null;
  } catch {
    return false;
  }
}

/**
 * Picks the fastest TF.js backend this browser offers — webgpu → webgl → wasm → cpu — and makes it
 * active. Each backend package is loaded with a dynamic `import()`, so bundlers split them and a page
 * downloads only what it uses. On wasm (and cpu) it also registers Residual's training kernels, so
 * convolution gradients work and are fast. Never throws for a missing backend: it records why and
 * moves on; cpu is always the last resort.
 *
 * @param options - `order` to restrict or reorder the candidates; `wasmPaths` where the `.wasm` files are served.
 * @returns the chosen backend's name and, for each backend skipped before it, a one-line reason.
 * @example
 * const choice = await selectBrowserBackend({ wasmPaths: '/wasm/' });
 * console.log(describeBackendChoice(choice).join('\n')); // backend: webgl …
 */
export async function selectBrowserBackend(options: SelectBrowserBackendOptions = {}): Promise<BackendChoice> {
  const order = options.order ?? browserBackendOrder;
  const candidates: BrowserBackendName[] = order.includes('cpu') ? [...order] : [...order, 'cpu'];
  const skipped: BackendSkip[] = [];
  for (const name of candidates) {
    let reason: string | undefined;
    try {
      reason = (await prepare(name, options)) ?? (await trySetBackend(name));
    } catch (error) {
      reason = `could not load its package: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
    if (reason === undefined) {
      registerTrainingKernels(name);
      return { name, skipped };
    }
    skipped.push({ name, reason });
  }
  throw new Error(
    `selectBrowserBackend: at least one backend must initialise, but got none (${skipped
      .map((skip) => `${skip.name}: ${skip.reason}`)
      .join('; ')}). Check that @tensorflow/tfjs-backend-cpu is installed.`,
  );
}

/**
 * The browser-safe backend selection; the same as {@link selectBrowserBackend}. Node programs should
 * use `selectNodeBackend` from `@residual/core/node`, which also knows tfjs-node-gpu and Dawn.
 *
 * @param options - see {@link SelectBrowserBackendOptions}.
 * @returns the chosen backend and the skip reasons.
 * @example
 * const { name } = await selectBackend(); // 'webgpu' in Chrome with a GPU
 */
export function selectBackend(options: SelectBrowserBackendOptions = {}): Promise<BackendChoice> {
  return selectBrowserBackend(options);
}
