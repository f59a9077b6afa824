// Child process of node-wasm-threads.test.ts: two ResNet-20 training steps on wasm with the thread
// count given as argv[2]; prints the threads XNNPACK really has, the losses and the weights' sum
// afterwards, as exact float32 bits.
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../../../model/models/registry.js';
import { Optimizer, paperSgd } from '../../../training/train/optimizer.js';
import { trainStep } from '../../../training/train/train-step.js';
import { selectNodeBackend } from '../select-node-backend.js';
import { simdKernelThreads } from '../../kernels/wasm-simd/simd-kernel-threads.js';

const choice = await selectNodeBackend({ backend: 'wasm', wasmThreads: Number(process.argv[2]) });
const model = buildModel('resnet20', { seed: 3 });
const optimizer = new Optimizer(paperSgd, model.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable));
const x = tf.randomNormal([8, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D; // [N, H, W, C]
const labels = tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32');
const losses: string[] = [];
for (let step = 0; step < 2; step++) {
  const stats = trainStep(model.layersModel, optimizer, x, labels, { lr: 0.1 });
  const [loss = Number.NaN] = await stats.data();
  losses.push(Buffer.from(new Float32Array([loss]).buffer).toString('hex'));
  stats.dispose();
}
const sum = tf.tidy(() => tf.addN(model.layersModel.trainableWeights.map((weight) => tf.sum(tf.abs(weight.read())))));
const [weights = Number.NaN] = await sum.data();
const bits = (value: number) => Buffer.from(new Float32Array([value]).buffer).toString('hex');
console.log(JSON.stringify({ detail: choice.detail, threads: getThreadsCount(), simdThreads: simdKernelThreads(), losses, weights: bits(weights) }));
