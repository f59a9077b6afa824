// Bundled by browser-wasm.test.ts (esbuild) and loaded in Chromium, in a cross-origin isolated page:
// starts wasm with useBrowserWasmThreads on `?threads=N`, then reports the threads, two ResNet-20
// training steps (losses and the weights' sum as float32 bits) and Residual's convolution kernels
// against TF.js's cpu backend.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { buildModel, Optimizer, paperSgd, registerTrainingKernels, simdKernelThreads, trainStep, useBrowserWasmThreads } from '@residual/core';

/** What the page reports. */
export interface BrowserWasmReport {
  readonly threads: number;
  readonly isolated: boolean;
  /** Threads of Residual's SIMD kernels (`simdKernelThreads()`), `null` when they cannot reach the tensors. */
  readonly simdThreads: number | null;
  readonly losses: string[];
  readonly weights: string;
  /** Largest difference from cpu, relative to the largest value, per kernel. */
  readonly errors: Record<string, number>;
}

declare global {
  interface Window {
    residualWasm: () => Promise<BrowserWasmReport>;
  }
}

const bits = (value: number) => Array.from(new Uint8Array(new Float32Array([value]).buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

async function relativeError(run: () => tf.Tensor): Promise<number> {
  await tf.setBackend('wasm');
  const ours = await run().data();
  await tf.setBackend('cpu');
  const reference = await run().data();
  await tf.setBackend('wasm');
  let scale = 1;
  let worst = 0;
  reference.forEach((value) => (scale = Math.max(scale, Math.abs(value))));
  reference.forEach((value, i) => (worst = Math.max(worst, Math.abs((ours[i] ?? Number.NaN) - value))));
  return worst / scale;
}

window.residualWasm = async () => {
  setWasmPaths('/wasm/');
  useBrowserWasmThreads({ threads: Number(new URL(location.href).searchParams.get('threads') ?? '1'), wasmPaths: '/wasm/' });
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
  const model = buildModel('resnet20', { seed: 3 });
  const optimizer = new Optimizer(paperSgd, model.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable));
  const x = tf.randomNormal([4, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D; // [N, H, W, C]
  const labels = tf.tensor1d([0, 1, 2, 3], 'int32');
  const losses: string[] = [];
  for (let step = 0; step < 2; step++) {
    const stats = trainStep(model.layersModel, optimizer, x, labels, { lr: 0.1 });
    losses.push(bits((await stats.data())[0] ?? Number.NaN));
    stats.dispose();
  }
  const sum = tf.tidy(() => tf.addN(model.layersModel.trainableWeights.map((weight) => tf.sum(tf.abs(weight.read())))));
  const weights = bits((await sum.data())[0] ?? Number.NaN);
  // Seeded inputs, made anew on each backend: [N, H, W, C] images, [KH, KW, Cin, Cout] filters.
  const input = () => tf.randomNormal([3, 9, 7, 8], 0, 1, 'float32', 11) as tf.Tensor4D;
  const filter = () => tf.randomNormal([3, 3, 8, 16], 0, 1, 'float32', 12) as tf.Tensor4D;
  const gradient = () => tf.randomNormal([3, 9, 7, 16], 0, 1, 'float32', 13) as tf.Tensor4D;
  const errors = {
    FusedConv2D: await relativeError(() => tf.fused.conv2d({ x: input(), filter: filter(), strides: 1, pad: 'same', activation: 'relu', bias: tf.randomNormal([16], 0, 1, 'float32', 14) })),
    Conv2DBackpropFilter: await relativeError(() => tf.grad((w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(input(), w as tf.Tensor4D, 1, 'same'), gradient())))(filter())),
    Conv2DBackpropInput: await relativeError(() => tf.grad((image: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(image as tf.Tensor4D, filter(), 1, 'same'), gradient())))(input())),
  };
  return { threads: getThreadsCount(), isolated: globalThis.crossOriginIsolated, simdThreads: simdKernelThreads(tf.findBackend('wasm') ?? undefined), losses, weights, errors };
};
