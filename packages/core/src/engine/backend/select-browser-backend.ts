import * as tf from '@tensorflow/tfjs-core';
import type { BackendChoice, BackendSkip, BackendSkipCode, BackendTiming } from './backend-choice.js';
import { browserBackendOrder, type BrowserBackendName } from './browser-backend-order.js';
import { useBrowserWasmThreads } from './browser-wasm-threads.js';
import { registerTrainingKernels } from '../kernels/register-training-kernels.js';
import { adapterName, isFallbackAdapter, isSoftwareRenderer, type AdapterFacts } from './software-renderer.js';
import { timeBackend } from './time-backend.js';
import { trySetBackend } from './try-set-backend.js';

/** Options for {@link selectBrowserBackend}. */
export interface SelectBrowserBackendOptions {
  /**
   * Backends to try, in order; default {@link browserBackendOrder}. cpu is always the last resort.
   * A single name forces that backend: a software WebGPU adapter is then accepted and nothing is probed.
   */
  readonly order?: readonly BrowserBackendName[];
  /**
   * Where the browser finds the wasm backend's `.wasm` files: a URL prefix ending in `/`, or a
   * map from file name to URL (passed to `setWasmPaths` of `@tensorflow/tfjs-backend-wasm`).
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * When to time a short workload on each usable backend and keep the fastest: `'auto'` (default)
   * when the first usable backend renders in software (WebGL on SwiftShader or llvmpipe),
   * `'always'`, or `'never'`.
   */
  readonly probe?: 'auto' | 'always' | 'never';
  /** Milliseconds one backend may spend on the probe before it counts as too slow; default 3000. */
  readonly probeBudgetMs?: number;
  /**
   * Threads for the wasm backend, e.g. `navigator.hardwareConcurrency`. They need a cross-origin
   * isolated page (served with COOP/COEP headers); elsewhere wasm runs on one thread. With
   * `wasmPaths` a folder, every thread runs Residual's kernels too ({@link useBrowserWasmThreads}).
   * Default: TF.js's own choice (half the cores).
   */
  readonly wasmThreads?: number;
}

/** A backend that can run here, and what is known about it. */
interface Usable {
  readonly name: BrowserBackendName;
  /** Set when it runs in software: the words that say so. */
  readonly software?: string;
  readonly detail?: string;
}

type Assessment = Usable | { readonly skip: BackendSkip };

interface GpuLike {
  requestAdapter(): Promise<AdapterFacts | null>;
}

const skip = (name: string, code: BackendSkipCode, reason: string): { skip: BackendSkip } => ({ skip: { name, code, reason } });

/** Loads one backend's package and says whether it can run here, and whether it runs in software. */
async function assess(name: BrowserBackendName, options: SelectBrowserBackendOptions, forced: boolean): Promise<Assessment> {
  switch (name) {
    case 'webgpu': {
      const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
      if (gpu === undefined) return skip(name, 'missing', 'navigator.gpu is missing (this runtime has no WebGPU)');
      const adapter = await gpu.requestAdapter().catch(() => null);
      if (adapter === null || adapter === undefined) return skip(name, 'no-adapter', 'navigator.gpu.requestAdapter() found no adapter');
      const detail = adapterName(adapter);
      if (isFallbackAdapter(adapter) && !forced) {
        return skip(name, 'fallback-adapter', `the only WebGPU adapter is a software fallback (${detail ?? 'isFallbackAdapter'}), far slower than WASM; choose webgpu yourself to use it anyway`);
      }
      await import('@tensorflow/tfjs-backend-webgpu');
      return { name, ...(detail === undefined ? {} : { detail }), ...(isFallbackAdapter(adapter) ? { software: 'a software fallback adapter' } : {}) };
    }
    case 'webgl': {
      const renderer = webGlRenderer();
      if (renderer === undefined) return skip(name, 'no-context', 'no WebGL context can be created here');
      await import('@tensorflow/tfjs-backend-webgl');
      return { name, ...(renderer === '' ? {} : { detail: renderer }), ...(isSoftwareRenderer(renderer) ? { software: `WebGL renders in software (${renderer})` } : {}) };
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths as Parameters<typeof wasm.setWasmPaths>[0]);
      if (options.wasmThreads !== undefined) useWasmThreads(wasm, options.wasmThreads, options.wasmPaths);
      return { name };
    }
    case 'cpu': {
      await import('@tensorflow/tfjs-backend-cpu');
      return { name };
    }
  }
}

/**
 * Wasm on `threads` threads. Given the `.wasm` files' folder and a backend not yet started,
 * {@link useBrowserWasmThreads} starts TF.js's threaded build with Residual's kernels on every
 * thread (in a cross-origin isolated page; elsewhere it leaves the single-threaded build). Otherwise
 * TF.js's own setting, which it caps at half the cores.
 */
function useWasmThreads(wasm: typeof import('@tensorflow/tfjs-backend-wasm'), requested: number, wasmPaths: SelectBrowserBackendOptions['wasmPaths']): void {
  const threads = Math.min(8, Math.max(1, Math.floor(requested)));
  if (typeof wasmPaths === 'string' && tf.engine().registry['wasm'] === undefined) useBrowserWasmThreads({ wasmPaths, threads });
  else wasm.setThreadsCount(threads);
}

/** The WebGL renderer's name ('' when the browser hides it), or `undefined` when no context can be made. */
function webGlRenderer(): string | undefined {
  const doc = (globalThis as { document?: { createElement(tag: string): { getContext(kind: string): unknown } } }).document;
  if (doc === undefined) return undefined;
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl === null) return undefined;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl.getParameter(debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL) as unknown;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : '';
  } catch {
    return undefined;
  }
}

/** Makes `name` active and gives it Residual's training kernels; a reason when it fails. */
async function activate(name: BrowserBackendName): Promise<string | undefined> {
  const reason = await trySetBackend(name);
  if (reason === undefined) registerTrainingKernels(name);
  return reason;
}

/** What the chosen backend is: the adapter or renderer in its own words, or wasm's thread count. */
async function describe(candidate: Usable): Promise<{ detail?: string; threads?: number }> {
  if (candidate.name === 'wasm') return { threads: (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() };
  return candidate.detail === undefined ? {} : { detail: candidate.detail };
}

/**
 * Picks the TF.js backend a reader can trust and makes it active. It goes through webgpu → webgl →
 * wasm → cpu and takes the first that runs here, except that
 * - a software WebGPU adapter (SwiftShader: `adapter.info.isFallbackAdapter`) is never chosen
 *   automatically — it is 20–80× slower than WASM for Residual's examples;
 * - when the first usable backend runs in software (WebGL on SwiftShader or llvmpipe), a short
 *   timing probe (a few convolutions, under a second on WASM) decides between the usable backends.
 *
 * Each backend package is loaded with a dynamic `import()`, so bundlers split them and a page
 * downloads only what it uses. The chosen backend gets Residual's training kernels (convolution
 * gradients on wasm). Never throws for a missing backend: it records why and moves on; cpu is the
 * last resort.
 *
 * @param options - `order` to restrict or force the candidates; `wasmPaths` where the `.wasm` files are served; `probe` when to time.
 * @returns the chosen backend's name, how it was chosen, the probe's timings, and why each other backend was not used.
 * @example
 * const choice = await selectBrowserBackend({ wasmPaths: '/wasm/' });
 * console.log(describeBackendChoice(choice).join('\n')); // backend: wasm, skipped webgpu: the only WebGPU adapter is a software fallback …
 */
export async function selectBrowserBackend(options: SelectBrowserBackendOptions = {}): Promise<BackendChoice> {
  const order = options.order ?? browserBackendOrder;
  const forced = order.length === 1;
  const skipped: BackendSkip[] = [];
  const usable: Usable[] = [];
  for (const name of order) {
    try {
      const found = await assess(name, options, forced);
      if ('skip' in found) skipped.push(found.skip);
      else usable.push(found);
    } catch (error) {
      skipped.push({ name, code: 'failed', reason: `could not load its package: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    }
  }
  const probe = options.probe ?? 'auto';
  const inDoubt = probe === 'always' || (probe === 'auto' && usable[0]?.software !== undefined);
  // cpu is never faster than wasm: it is timed only when the caller asked for it alone with another.
  const contenders = usable.filter((candidate) => candidate.name !== 'cpu' || usable.length === 2);
  if (!forced && inDoubt && contenders.length > 1) {
    const timings: BackendTiming[] = [];
    for (const candidate of contenders) {
      const reason = await activate(candidate.name);
      if (reason === undefined) timings.push({ name: candidate.name, ms: await timeBackend(options.probeBudgetMs ?? 3000) });
    }
    timings.sort((a, b) => a.ms - b.ms);
    const [best] = timings;
    const fastest = usable.find((candidate) => candidate.name === best?.name);
    if (best !== undefined && fastest !== undefined && (await activate(fastest.name)) === undefined) {
      const slower = timings.slice(1).map((timing): BackendSkip => ({
        name: timing.name,
        code: 'slower',
        reason: `slower in the timing probe (${Number.isFinite(timing.ms) ? `${timing.ms.toFixed(1)} ms` : 'out of time'} against ${best.ms.toFixed(1)} ms)`,
      }));
      return { name: fastest.name, skipped: [...skipped, ...slower], how: 'probe', timings, ...(await describe(fastest)) };
    }
  }
  for (const candidate of usable) {
    const reason = await activate(candidate.name);
    if (reason === undefined) return { name: candidate.name, skipped, how: forced ? 'forced' : 'first', ...(await describe(candidate)) };
    skipped.push({ name: candidate.name, code: 'failed', reason });
  }
  if (!order.includes('cpu')) {
    // The last resort, tried only when nothing in the order runs.
    await import('@tensorflow/tfjs-backend-cpu');
    const reason = await activate('cpu');
    if (reason === undefined) return { name: 'cpu', skipped, how: 'first' };
    skipped.push({ name: 'cpu', code: 'failed', reason });
  }
  throw new Error(
    `selectBrowserBackend: at least one backend must initialise, but got none (${skipped
      .map((entry) => `${entry.name}: ${entry.reason}`)
      .join('; ')}). Check that @tensorflow/tfjs-backend-cpu is installed.`,
  );
}
