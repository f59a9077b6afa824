// Per-kernel profile of one training step on webgpu: records every Conv2D / FusedConv2D /
// Conv2DBackpropInput / Conv2DBackpropFilter / Sum / Mean call a model makes, then replays
// each with TF.js's stock kernel and with Residual's, timing both (GPU timestamps when the adapter
// offers 'timestamp-query', else wall time) and comparing their outputs. With --check-runs, first
// runs the kernels' property checks against the cpu backend on this adapter (the unit tests'
// cases). See bench/README.md.
//
//   node --conditions=@residual/source --import tsx bench/kernel-bench.ts --model cifarResnet18 --batch-size 256 [--sweep]
//
// --sweep also times every tile and prefetch setting on each call (to tune chooseGemmTile);
// --check-only runs the --check-runs checks alone and exits 1 when one fails.
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';
import { buildModel, isModelName, Optimizer, paperSgd, trainStep } from '@residual/core';
import { setUpBenchBackend } from './bench-backend.js';
import { configureWebGpuConv, gemmTileNames, resetWebGpuConvOptions, stockWebGpuKernel, webGpuKernelCounts } from '@residual/core/engine';
import { maxRelativeError } from '@residual/core/testing';
import { checkKernels } from './kernel-checks.js';

const convNames = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];
/** Every kernel Residual replaces on webgpu: the convolutions, and the reductions of batch norm and pooling. */
const kernelNames = [...convNames, 'Sum', 'Mean'];

interface Call {
  readonly name: string;
  readonly shapes: Record<string, number[]>;
  readonly attrs: tf.NamedAttrMap;
}

/** Calls of one training step that Residual's kernels handed to the stock ones (e.g. a sum over the last axis), by kernel. */
const handedOver = new Map<string, number>();

/** Runs one training step of `model` and returns each distinct call that ran Residual's shaders, with how often. */
async function recordCalls(model: string, batchSize: number): Promise<Array<{ call: Call; count: number }>> {
  const calls = new Map<string, { call: Call; count: number }>();
  const ours = kernelNames.map((name) => tf.getKernel(name, 'webgpu') as tf.KernelConfig);
  for (const config of ours) {
    tf.unregisterKernel(config.kernelName, 'webgpu');
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        const shapes = Object.fromEntries(Object.entries(args.inputs).flatMap(([key, info]) => (info === undefined ? [] : [[key, info.shape]])));
        const call: Call = { name: config.kernelName, shapes, attrs: { ...args.attrs } };
        const before = webGpuKernelCounts()[call.name]?.residual ?? 0;
        const result = config.kernelFunc(args);
        if ((webGpuKernelCounts()[call.name]?.residual ?? 0) === before) handedOver.set(call.name, (handedOver.get(call.name) ?? 0) + 1);
        else {
          const key = JSON.stringify(call);
          calls.set(key, { call, count: (calls.get(key)?.count ?? 0) + 1 });
        }
        return result;
      },
    });
  }
  const built = buildModel(model, { seed: 1 });
  const [height = 32, width = 32, channels = 3] = built.layersModel.inputs[0]?.shape.slice(1) as number[];
  const x = tf.randomNormal([batchSize, height, width, channels]) as tf.Tensor4D; // [N, H, W, C]
  const labels = tf.zeros([batchSize], 'int32') as tf.Tensor1D;
  const optimizer = new Optimizer(paperSgd, built.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable));
  const stats = trainStep(built.layersModel, optimizer, x, labels, { lr: 0.01 });
  await stats.data();
  tf.dispose([stats, x, labels]);
  optimizer.dispose();
  built.dispose();
  for (const config of ours) {
    tf.unregisterKernel(config.kernelName, 'webgpu');
    tf.registerKernel(config);
  }
  return [...calls.values()];
}

/** What a call achieved: GFLOP/s for a convolution, GB/s read for a reduction (it reads its input once). */
function throughput(call: Call, ms: number): string {
  if (!convNames.includes(call.name)) return `${((4 * tf.util.sizeFromShape(call.shapes['x'] ?? [])) / (ms * 1e6)).toPrecision(3)} GB/s`;
  return `${((2 * macs(call)) / (ms * 1e6)).toPrecision(3)} GFLOP/s`;
}

/** Multiply-adds of a call: output pixels × filter taps × input channels × output channels (equal for the three kernels). */
function macs(call: Call): number {
  const filter = (call.shapes['filter'] ?? call.attrs['filterShape']) as [number, number, number, number];
  const output =
    call.name === 'Conv2D' || call.name === 'FusedConv2D'
      ? tf.backend_util.computeConv2DInfo(
          call.shapes['x'] as [number, number, number, number],
          filter,
          call.attrs['strides'] as [number, number],
          1,
          call.attrs['pad'] as 'same' | 'valid' | number,
        ).outShape
      : (call.shapes['dy'] as number[]);
  return (output[0] ?? 1) * (output[1] ?? 1) * (output[2] ?? 1) * filter[0] * filter[1] * filter[2] * filter[3];
}

/** Times `repeat` runs of one call with the stock or Residual's kernel; returns ms per run and the output. */
async function timeCall(call: Call, inputs: tf.NamedTensorMap, stock: boolean, repeat: number): Promise<{ ms: number; gpu: boolean; out: Float32Array }> {
  const run = () => {
    if (!stock) return tf.engine().runKernel(call.name, inputs, call.attrs) as tf.Tensor;
    const config = stockWebGpuKernel(call.name);
    if (config === undefined) throw new Error(`kernel-bench: the stock ${call.name} must be saved, but got none. Register Residual's kernels first.`);
    return tf.engine().makeTensorFromTensorInfo(config.kernelFunc({ inputs, backend: tf.backend(), attrs: call.attrs }) as tf.TensorInfo);
  };
  const first = run();
  const out = (await first.data()) as Float32Array;
  first.dispose();
  let kernelMs = 0;
  for (let i = 0; i < repeat; i++) {
    const timing = await tf.time(() => run().dispose());
    kernelMs += typeof timing.kernelMs === 'number' ? timing.kernelMs : 0;
  }
  if (kernelMs > 0) return { ms: kernelMs / repeat, gpu: true, out };
  const started = performance.now(); // no GPU timestamps: wall time, waiting for the last run
  for (let i = 0; i < repeat; i++) {
    const result = run();
    if (i === repeat - 1) await result.data();
    result.dispose();
  }
  return { ms: (performance.now() - started) / repeat, gpu: false, out };
}

/** Times every tile × prefetch setting on each call, to tune chooseGemmTile and the prefetch default. */
async function sweep(calls: Array<{ call: Call; count: number }>, repeat: number): Promise<void> {
  console.log('sweep: ms per run of each call for each tile and prefetch setting (p: prefetch), best first');
  let chosenTotal = 0;
  let bestTotal = 0;
  for (const { call, count } of calls.filter(({ call }) => convNames.includes(call.name))) {
    const inputs = Object.fromEntries(Object.entries(call.shapes).map(([key, shape]) => [key, tf.randomNormal(shape)]));
    resetWebGpuConvOptions();
    const chosen = (await timeCall(call, inputs, false, repeat)).ms;
    const timings: Array<[string, number]> = [];
    for (const tile of gemmTileNames) {
      for (const prefetch of [false, true]) {
        configureWebGpuConv({ tile, prefetch });
        timings.push([`${tile}${prefetch ? '+p' : ''}`, (await timeCall(call, inputs, false, repeat)).ms]);
      }
    }
    resetWebGpuConvOptions();
    tf.dispose(Object.values(inputs));
    timings.sort((left, right) => left[1] - right[1]);
    chosenTotal += count * chosen;
    bestTotal += count * (timings[0]?.[1] ?? chosen);
    const shapes = Object.entries(call.shapes).map(([key, shape]) => `${key}[${shape.join(',')}]`).join(' ');
    console.log(`${call.name.padEnd(21)} ${shapes.padEnd(42)} chosen ${chosen.toFixed(3)}  ${timings.map(([name, ms]) => `${name} ${ms.toFixed(3)}`).join('  ')}`);
  }
  console.log(`sweep: per training step, chosen tiles ${chosenTotal.toFixed(2)} ms, best tile per call ${bestTotal.toFixed(2)} ms`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      adapter: { type: 'string', default: 'hardware' },
      model: { type: 'string', default: 'cifarResnet18' },
      'batch-size': { type: 'string', default: '256' },
      repeat: { type: 'string', default: '5' },
      'check-runs': { type: 'string', default: '0' },
      sweep: { type: 'boolean', default: false },
      'check-only': { type: 'boolean', default: false },
    },
  });
  const adapter = values.adapter === 'software' ? 'software' : 'hardware';
  if (!isModelName(values.model)) throw new Error(`kernel-bench: --model must be a model name, but got ${JSON.stringify(values.model)}.`);
  await import('@tensorflow/tfjs-backend-cpu');
  const device = await setUpBenchBackend({ backend: 'webgpu', adapter, kernels: 'residual', threads: 1 });
  console.log(`device: ${device}`);
  const checkRuns = Number(values['check-runs']);
  const checked = checkRuns > 0 ? await checkKernels(checkRuns) : true;
  if (values['check-only']) {
    console.log(checked ? 'checks: every case matched the cpu backend' : 'checks: FAILED (see above)');
    process.exitCode = checked ? 0 : 1;
    return;
  }
  const calls = await recordCalls(values.model, Number(values['batch-size']));
  const totals = new Map<string, { stock: number; residual: number }>();
  console.log(`${values.model}, batch ${values['batch-size']}: each distinct call of Residual's kernels in one training step, ${values.repeat} runs each`);
  console.log('kernel                calls  input shapes                                stock ms  residual ms  speed-up  residual speed     max rel diff');
  for (const { call, count } of calls) {
    const inputs = Object.fromEntries(Object.entries(call.shapes).map(([key, shape]) => [key, tf.randomNormal(shape)]));
    const stock = await timeCall(call, inputs, true, Number(values.repeat));
    const ours = await timeCall(call, inputs, false, Number(values.repeat));
    tf.dispose(Object.values(inputs));
    const total = totals.get(call.name) ?? { stock: 0, residual: 0 };
    totals.set(call.name, { stock: total.stock + count * stock.ms, residual: total.residual + count * ours.ms });
    const shapes = Object.entries(call.shapes).map(([key, shape]) => `${key}[${shape.join(',')}]`).join(' ');
    console.log(
      `${call.name.padEnd(21)} ${String(count).padStart(5)}  ${shapes.padEnd(42)} ${stock.ms.toFixed(3).padStart(9)}  ${ours.ms.toFixed(3).padStart(11)}  ` +
        `${(stock.ms / ours.ms).toFixed(2).padStart(7)}x  ${throughput(call, ours.ms).padEnd(16)}  ${maxRelativeError(ours.out, stock.out).toExponential(1)}` +
        (ours.gpu ? '' : '  (wall time: no timestamp-query)'),
    );
  }
  for (const [name, total] of totals) {
    console.log(`per training step, ${name}: stock ${total.stock.toFixed(2)} ms, residual ${total.residual.toFixed(2)} ms (${(total.stock / total.residual).toFixed(2)}x)`);
  }
  for (const [name, count] of handedOver) console.log(`per training step, ${name}: ${count} call${count === 1 ? '' : 's'} handed to the stock kernel (not timed)`);
  if (values.sweep) await sweep(calls, Number(values.repeat));
  if (!checked) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
process.exit();
