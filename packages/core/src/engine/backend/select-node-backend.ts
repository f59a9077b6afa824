import { createRequire } from 'node:module';
import type { BackendChoice, BackendSkip } from './backend-choice.js';
import { registerTrainingKernels } from '../kernels/register-training-kernels.js';
import { defaultWasmThreads, useWasmThreads } from './node-wasm-threads.js';
import { probeDawn } from './probe-dawn.js';
import { trySetBackend } from './try-set-backend.js';

/** Backends Residual uses in Node, best first. */
export const nodeBackendOrder = ['tensorflow-gpu', 'webgpu', 'wasm', 'cpu'] as const;

/** One of the Node backends; `tensorflow-gpu` is `@tensorflow/tfjs-node-gpu` (TF.js calls it `tensorflow`). */
export type NodeBackendName = (typeof nodeBackendOrder)[number];

/** Options for {@link selectNodeBackend}. */
export interface SelectNodeBackendOptions {
  /** Try this backend first (the CLI's `--backend`); `'auto'` or absent: {@link nodeBackendOrder}. */
  readonly backend?: NodeBackendName | 'auto';
  /** Dawn options for `create()`; default from `RESIDUAL_WEBGPU_FLAGS` (comma-separated). */
  readonly webgpuFlags?: readonly string[];
  /** How long the WebGPU adapter probe may take; default 20 s. */
  readonly probeTimeoutMs?: number;
  /**
   * Ask Dawn for a compatibility-mode adapter (needed for its OpenGL ES backend, e.g. a software
   * adapter in CI: `RESIDUAL_WEBGPU_FLAGS=backend=opengles EGL_PLATFORM=surfaceless`); default from
   * `RESIDUAL_WEBGPU_COMPAT=1`. TF.js does not pass the option itself, so Residual adds it.
   */
  readonly webgpuCompatibility?: boolean;
  /**
   * CPU threads for the wasm backend (XNNPACK's pool, 1–8); default from `RESIDUAL_WASM_THREADS`,
   * else every core Node may use. Results are the same for every count (each output is computed
   * by one thread, in the same order).
   */
  readonly wasmThreads?: number;
}

/**
 * True when `name` is a Node backend name (the values `--backend` accepts besides `auto`).
 *
 * @param name - any string.
 * @returns whether it is one of {@link nodeBackendOrder}.
 * @example
 * isNodeBackendName('wasm'); // true
 */
export function isNodeBackendName(name: string): name is NodeBackendName {
  return (nodeBackendOrder as readonly string[]).includes(name);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function importOptional(specifier: string): Promise<string | undefined> {
  try {
    createRequire(import.meta.url).resolve(specifier);
  } catch {
    return 'not-installed';
  }
  try {
    await import(specifier);
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return 'not-installed';
    return firstLine(error);
  }
}

async function tryTensorflowGpu(): Promise<string | undefined> {
  // A variable specifier: the package is an optional peer that bundlers and tsc must not resolve.
  const specifier = '@tensorflow/tfjs-node-gpu';
  const failure = await importOptional(specifier);
  if (failure === 'not-installed') {
    return 'not installed (optional: npm install @tensorflow/tfjs-node-gpu@4.22.0, needs CUDA 11.2 + cuDNN 8.1)';
  }
  if (failure !== undefined) return `installed but failed to load: ${failure}`;
  return trySetBackend('tensorflow');
}

interface DawnGpu {
  requestAdapter(options?: Record<string, unknown>): Promise<unknown>;
}

async function tryWebGpu(
  flags: readonly string[],
  forced: boolean,
  timeoutMs: number,
  compatibility: boolean,
): Promise<{ reason?: string; detail?: string }> {
  const probe = await probeDawn(flags, timeoutMs, compatibility);
  if (!probe.found) return { reason: probe.reason };
  if (probe.software && !forced) {
    return { reason: `only a software adapter (${probe.description}), slower than wasm; force it with --backend webgpu` };
  }
  try {
    const { create, globals } = (await import('webgpu')) as unknown as {
      create(flags: string[]): DawnGpu;
      globals: Record<string, unknown>;
    };
    Object.assign(globalThis, globals);
    const holder = globalThis as { navigator?: { gpu?: unknown } };
    if (holder.navigator === undefined) holder.navigator = {};
    const gpu = create([...flags]);
    holder.navigator.gpu = compatibility
      ? { requestAdapter: (options?: Record<string, unknown>) => gpu.requestAdapter({ ...options, featureLevel: 'compatibility' }) }
      : gpu;
    await import('@tensorflow/tfjs-backend-webgpu');
  } catch (error) {
    return { reason: `could not load Dawn: ${firstLine(error)}` };
  }
  const reason = await trySetBackend('webgpu');
  return reason === undefined ? { detail: probe.description } : { reason };
}

function wasmThreadsOf(options: SelectNodeBackendOptions): number {
  if (options.wasmThreads !== undefined) return options.wasmThreads;
  const fromEnv = process.env['RESIDUAL_WASM_THREADS'];
  if (fromEnv === undefined || fromEnv === '') return defaultWasmThreads();
  const threads = Number(fromEnv);
  if (!Number.isInteger(threads) || threads < 1 || threads > 8) {
    throw new Error(`selectNodeBackend: RESIDUAL_WASM_THREADS must be an integer from 1 to 8, but got ${JSON.stringify(fromEnv)}. Unset it to use every core.`);
  }
  return threads;
}

/**
 * Picks the best TF.js backend in Node and makes it active: `tensorflow-gpu` (if the user installed
 * `@tensorflow/tfjs-node-gpu` and it loads) → `webgpu` (Dawn, with a hardware adapter) → `wasm` → `cpu`.
 * `backend` moves one to the front (a forced `webgpu` also accepts a software adapter). A backend
 * that is missing or fails is recorded with a one-line reason and the next is tried; cpu always
 * works. wasm runs on `wasmThreads` threads (TF.js alone runs it on one in Node). On wasm and
 * cpu, Residual's training kernels are registered. A process that used Dawn may
 * not exit by itself: end it with `process.exit()`.
 *
 * @param options - see {@link SelectNodeBackendOptions}.
 * @returns the chosen backend and why the ones before it were skipped.
 * @example
 * const choice = await selectNodeBackend({ backend: 'wasm' });
 * for (const line of describeBackendChoice(choice)) console.log(line); // backend: wasm
 */
export async function selectNodeBackend(options: SelectNodeBackendOptions = {}): Promise<BackendChoice> {
  const forced = options.backend !== undefined && options.backend !== 'auto' ? options.backend : undefined;
  const order: NodeBackendName[] =
    forced === undefined ? [...nodeBackendOrder] : [forced, ...nodeBackendOrder.filter((name) => name !== forced)];
  const flags =
    options.webgpuFlags ?? (process.env['RESIDUAL_WEBGPU_FLAGS'] ?? '').split(',').map((flag) => flag.trim()).filter(Boolean);
  const skipped: BackendSkip[] = [];
  for (const name of order) {
    let reason: string | undefined;
    let detail: string | undefined;
    let threads: number | undefined;
    try {
      if (name === 'tensorflow-gpu') reason = await tryTensorflowGpu();
      else if (name === 'webgpu') {
        const compatibility = options.webgpuCompatibility ?? process.env['RESIDUAL_WEBGPU_COMPAT'] === '1';
        ({ reason, detail } = await tryWebGpu(flags, forced === 'webgpu', options.probeTimeoutMs ?? 20_000, compatibility));
      }
      else if (name === 'wasm') {
        await import('@tensorflow/tfjs-backend-wasm');
        threads = useWasmThreads(wasmThreadsOf(options));
        reason = await trySetBackend(name);
        detail = `${threads} thread${threads === 1 ? '' : 's'}`;
      } else {
        await import('@tensorflow/tfjs-backend-cpu');
        reason = await trySetBackend(name);
      }
    } catch (error) {
      reason = `could not load: ${firstLine(error)}`;
    }
    if (reason === undefined) {
      registerTrainingKernels(name === 'tensorflow-gpu' ? 'tensorflow' : name);
      return { name, skipped, ...(detail === undefined ? {} : { detail }), ...(threads === undefined ? {} : { threads }) };
    }
    skipped.push({ name, reason });
  }
  throw new Error(
    `selectNodeBackend: at least one backend must initialise, but got none (${skipped
      .map((skip) => `${skip.name}: ${skip.reason}`)
      .join('; ')}). Reinstall @tensorflow/tfjs-backend-cpu.`,
  );
}
