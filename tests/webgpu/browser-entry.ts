// Bundled by browser-kernels.test.ts (esbuild) and loaded in Chromium: exposes window.residualWebGpu,
// which makes webgpu the TF.js backend with Residual's kernels and checks convolution cases against cpu.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import {
  compareConvKernel,
  compareKernel,
  registerWebGpuKernels,
  type ConvCase,
  type ConvComparison,
  type ConvKernelName,
  type KernelComparison,
  type SeededInput,
} from '@residual/core';

/** What the page reports: the WebGPU adapter (null when there is none) and one comparison per case. */
export interface BrowserReport {
  readonly adapter: string | null;
  readonly results: Array<{ name: ConvKernelName } & ConvComparison>;
}

declare global {
  interface Window {
    residualWebGpu(cases: ReadonlyArray<{ name: ConvKernelName; convCase: ConvCase }>): Promise<BrowserReport>;
    /** Any kernel against cpu (`compareKernel`); null when there is no adapter. */
    residualWebGpuKernel(name: string, inputs: Record<string, SeededInput>, attrs: Record<string, unknown>): Promise<KernelComparison | null>;
  }
}

let ready: Promise<string | null> | undefined;

/** Starts TF.js's webgpu backend once and puts Residual's kernels over the stock ones. */
async function start(): Promise<string | null> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (adapter === null || adapter === undefined || !(await tf.setBackend('webgpu'))) return null;
  registerWebGpuKernels();
  return [adapter.info.vendor, adapter.info.architecture, adapter.info.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

window.residualWebGpu = async (cases) => {
  ready ??= start();
  const adapter = await ready;
  const results: BrowserReport['results'] = [];
  if (adapter !== null) for (const { name, convCase } of cases) results.push({ name, ...(await compareConvKernel(name, convCase)) });
  return { adapter, results };
};

window.residualWebGpuKernel = async (name, inputs, attrs) => {
  ready ??= start();
  return (await ready) === null ? null : compareKernel(name, inputs, attrs as tf.NamedAttrMap);
};
