// Where a training step's CPU time goes on wasm, by kernel: each kernel of the wasm backend is
// re-registered (TF.js's kernel registry) inside a wrapper that adds up the process's CPU time
// around it. CPU time moves much less than wall time when other work shares the cores, so this
// profile stays readable on a busy machine; with threads it counts every thread's time.
//
//   node --conditions=@residual/source --import tsx bench/cpu-profile.ts [--threads 1] [--model resnet20] [--batch-size 128] [--steps 2]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-wasm';
import { buildModel, isModelName, Optimizer, paperSgd, registerTrainingKernels, trainStep } from '@residual/core';
import { useWasmThreads } from '@residual/core/node';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '1' },
    model: { type: 'string', default: 'resnet20' },
    'batch-size': { type: 'string', default: '128' },
    steps: { type: 'string', default: '2' },
  },
});
if (!isModelName(values.model)) throw new Error(`cpu-profile: --model must name a model, but got ${JSON.stringify(values.model)}.`);
useWasmThreads(Number(values.threads));
await tf.setBackend('wasm');
tf.enableProdMode();
registerTrainingKernels('wasm');
const totals = new Map<string, { ms: number; calls: number }>();
let depth = 0; // a kernel that runs others through a KernelRunner counts once, as itself
for (const config of tf.getKernelsForBackend('wasm')) {
  const inner = config.kernelFunc;
  tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel({
    ...config,
    kernelFunc: (args) => {
      depth++;
      const start = process.cpuUsage();
      try {
        return inner(args);
      } finally {
        depth--;
        const used = process.cpuUsage(start);
        if (depth === 0) {
          const total = totals.get(config.kernelName) ?? { ms: 0, calls: 0 };
          total.ms += (used.user + used.system) / 1000;
          total.calls++;
          totals.set(config.kernelName, total);
        }
      }
    },
  });
}
const batch = Number(values['batch-size']);
const steps = Number(values.steps);
const model = buildModel(values.model, { seed: 1 });
const optimizer = new Optimizer(paperSgd, model.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable));
const [height = 32, width = 32, channels = 3] = model.layersModel.inputs[0]?.shape.slice(1) as number[];
const x = tf.randomNormal([batch, height, width, channels], 0, 1, 'float32', 1) as tf.Tensor4D; // [N, H, W, C]
const labels = tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 10), 'int32');
const step = async () => {
  const stats = trainStep(model.layersModel, optimizer, x, labels, { lr: 0.1 });
  await stats.data();
  stats.dispose();
};
await step(); // warm-up: operator caches, compiled code
totals.clear();
const start = process.cpuUsage();
for (let i = 0; i < steps; i++) await step();
const used = process.cpuUsage(start);
const all = (used.user + used.system) / 1000 / steps;
const rows = [...totals].map(([name, total]) => ({ name, ms: total.ms / steps, calls: total.calls / steps })).sort((a, b) => b.ms - a.ms);
const inKernels = rows.reduce((sum, row) => sum + row.ms, 0);
console.log(`train ${values.model} wasm, ${values.threads} thread(s), batch ${batch}: CPU ${all.toFixed(0)} ms/step, ${inKernels.toFixed(0)} in kernels`);
for (const row of rows.filter((candidate) => candidate.ms >= 1)) console.log(`${row.name.padEnd(22)} ${String(row.calls).padStart(4)}× ${row.ms.toFixed(1).padStart(7)} ms`);
