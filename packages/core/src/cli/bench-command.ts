import { buildModel } from '../model/models/registry.js';
import { benchmark, type BenchmarkResult } from '../training/train/benchmark.js';
import { formatKernelTimes } from '../training/train/kernel-times.js';
import type { CliIo } from './cli-io.js';
import { choiceOption, numberOption, parseOptions } from './parse-options.js';
import { modelOption } from './model-option.js';
import { useBackend } from './use-backend.js';

export const benchUsage = `Usage: residual bench [--model <name>] [--backend <name>] [options]

Trains and/or runs inference on random data for a few steps and prints images/s, ms/step, peak
tensor memory as TF.js counts it (a buffer once per tensor sharing it) and, on wasm, the heap's
high-water mark (what was really held), then where one more, profiled step spent its time by kernel. Each step reads
back one scalar only, so the timing includes no full-tensor copies.

Options:
  --model <name>       model to build (default resnet20)
  --backend <name>     auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --mode <mode>        train, infer or both (default both)
  --batch-size <n>     images per step (default 32)
  --steps <n>          timed steps (default 10)
  --warmup <n>         untimed steps first (default 2)
  --inference <how>    folded (default: each conv with its batch norm and ReLU as one kernel,
                       as eval and predict run) or layers (the TF.js layers as built)
  --json               print one JSON line per mode
  -h, --help           show this help`;

/**
 * Formats a benchmark as one line.
 *
 * @param result - from `benchmark`.
 * @param model - the model's name.
 * @returns e.g. `infer resnet20 (folded) on wasm, batch 32, …` or `train resnet20 on wasm, batch 32, 10 steps: 903.7 ms/step, 35.4 images/s, peak 412.3 MB, wasm heap 301.5 MB (CPU 899.0 ms/step)`,
 *   and a second line with the kernels of one profiled step when the backend timed them.
 * @example
 * formatBenchmark(result, 'resnet20');
 */
export function formatBenchmark(result: BenchmarkResult, model: string): string {
  return (
    `${result.mode} ${model}${result.inference === null ? '' : ` (${result.inference})`} on ${result.backend}, batch ${result.batchSize}, ${result.steps} steps: ` +
    `${result.msPerStep.toFixed(1)} ms/step, ${result.imagesPerSecond.toFixed(1)} images/s, ` +
    `peak ${(result.peakBytes / 1e6).toFixed(1)} MB` +
    (result.heapBytes === null ? '' : `, wasm heap ${(result.heapBytes / 1e6).toFixed(1)} MB`) +
    (result.cpuMsPerStep === null ? '' : ` (CPU ${result.cpuMsPerStep.toFixed(1)} ms/step)`) +
    (result.kernels === null ? '' : `\n  ${formatKernelTimes(result.kernels, result.msPerStep, 6)}`)
  );
}

/**
 * `residual bench`.
 *
 * @param args - arguments after `bench`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await benchCommand(['--model', 'resnet20', '--backend', 'wasm', '--steps', '5'], io);
 */
export async function benchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('bench', args, {
    model: { type: 'string' },
    backend: { type: 'string' },
    mode: { type: 'string' },
    'batch-size': { type: 'string' },
    steps: { type: 'string' },
    warmup: { type: 'string' },
    inference: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(benchUsage);
    return 0;
  }
  const name = modelOption('bench', values.model ?? 'resnet20');
  const mode = choiceOption('bench', 'mode', values.mode, ['both', 'train', 'infer']);
  const batchSize = numberOption('bench', 'batch-size', values['batch-size'], 32, 'positive integer');
  const steps = numberOption('bench', 'steps', values.steps, 10, 'positive integer');
  const warmup = numberOption('bench', 'warmup', values.warmup, 2, 'non-negative');
  const inference = choiceOption('bench', 'inference', values.inference, ['folded', 'layers']);
  const choice = await useBackend('bench', values.backend, io, values.json === true);
  const model = buildModel(name, { seed: 1 });
  for (const each of mode === 'both' ? (['infer', 'train'] as const) : [mode]) {
    const result = await benchmark(model.layersModel, { mode: each, batchSize, steps, warmup, inference });
    io.out(values.json === true ? JSON.stringify({ model: name, device: choice.detail ?? null, ...result }) : formatBenchmark(result, name));
  }
  model.dispose();
  return 0;
}
