// Bundled by browser-kernels.test.ts (esbuild) and loaded in Chromium: exposes window.residualWebGpu,
// which makes webgpu the TF.js backend with Residual's kernels and checks convolution cases against cpu.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { inferenceModel, registerWebGpuKernels } from '@residual/core/engine';
import { buildModel } from '@residual/core/model';
import {
  compareConvKernel,
  compareKernel,
  maxRelativeError,
  type ConvCase,
  type ConvComparison,
  type ConvKernelName,
  type KernelComparison,
  type SeededInput,
} from '@residual/core/testing';

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
    /** ResNet-20's folded inference on webgpu against its layers on cpu; null when there is no adapter. */
    residualInference(): Promise<InferenceReport | null>;
  }
}

/** What one folded inference on webgpu did: its difference from the layers on cpu and its kernels. */
export interface InferenceReport {
  readonly maxError: number;
  readonly kernels: Record<string, number>;
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

window.residualInference = async () => {
  ready ??= start();
  if ((await ready) === null) return null;
  const model = buildModel('resnet20', { seed: 4, inputShape: [8, 8, 3] });
  const logits = async (backend: string, run: (x: tf.Tensor) => tf.Tensor) => {
    await tf.setBackend(backend);
    const x = tf.randomUniform([2, 8, 8, 3], -1, 1, 'float32', 9); // [N, H, W, C], the same values on both backends
    const out = run(x);
    const values = (await out.data()) as Float32Array;
    tf.dispose([x, out]);
    return values;
  };
  const expected = await logits('cpu', (x) => model.layersModel.predict(x) as tf.Tensor);
  await tf.setBackend('webgpu');
  const inference = inferenceModel(model.layersModel);
  const kernels: Record<string, number> = {};
  let actual: Float32Array<ArrayBufferLike> = new Float32Array();
  const info = await tf.profile(async () => {
    actual = await logits('webgpu', (x) => inference.predict(x));
  });
  for (const { name } of info.kernels) kernels[name] = (kernels[name] ?? 0) + 1;
  inference.dispose();
  model.dispose();
  return { maxError: maxRelativeError(actual, expected), kernels };
};
