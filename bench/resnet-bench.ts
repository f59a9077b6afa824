// Times training and inference steps of Residual's ResNets on one TF.js backend, in the line format
// bench/torch_resnet.py prints, so bench/ratio.py can compare them (see bench/README.md).
//
//   node --conditions=@residual/source --import tsx bench/resnet-bench.ts \
//     --backend webgpu --model cifarResnet18,resnet20,resnet56 --batch-size 256 --steps 20 [--kernels stock] [--inference layers]
//
// Each step reads back one or two scalars (benchmark() in @residual/core), after --warmup steps; one
// more, profiled step says where the time goes by kernel (GPU timestamps on webgpu when offered).
import { parseArgs } from 'node:util';
import { benchmark, buildModel, formatKernelTimes, isModelName, modelNames } from '@residual/core';
import { setUpBenchBackend, type BenchBackendOptions } from './bench-backend.js';
import { formatBenchLine, type BenchLine } from './bench-line.js';
import { setTfFlags } from './tf-flags.js';

const usage = `Usage: resnet-bench [--backend webgpu|wasm|cpu] [--adapter hardware|software] [--kernels residual|stock]
       [--model cifarResnet18,resnet20,resnet56] [--mode train,infer] [--batch-size 256] [--steps 20] [--warmup 3] [--json]
       [--inference folded|layers]  (inference: batch norms folded into their convs, or the TF.js layers as built)
       [--tf-flag NAME=VALUE ...]   (a TF.js flag, e.g. WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=64)
       [--threads N]                (wasm: CPU threads, default 1)`;

function choice<Value extends string>(name: string, value: string, allowed: readonly Value[]): Value {
  if ((allowed as readonly string[]).includes(value)) return value as Value;
  throw new Error(`resnet-bench: --${name} must be one of ${allowed.join(', ')}, but got ${JSON.stringify(value)}.\n${usage}`);
}

function count(name: string, value: string, least: number): number {
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed >= least) return parsed;
  throw new Error(`resnet-bench: --${name} must be an integer ≥ ${least}, but got ${JSON.stringify(value)}.\n${usage}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string', default: 'webgpu' },
      adapter: { type: 'string', default: 'hardware' },
      kernels: { type: 'string', default: 'residual' },
      model: { type: 'string', default: 'cifarResnet18,resnet20,resnet56' },
      mode: { type: 'string', default: 'train,infer' },
      inference: { type: 'string', default: 'folded' },
      'batch-size': { type: 'string', default: '256' },
      steps: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      'tf-flag': { type: 'string', multiple: true, default: [] },
      threads: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const options: BenchBackendOptions = {
    backend: choice('backend', values.backend, ['webgpu', 'wasm', 'cpu'] as const),
    adapter: choice('adapter', values.adapter, ['hardware', 'software'] as const),
    kernels: choice('kernels', values.kernels, ['residual', 'stock'] as const),
    threads: count('threads', values.threads, 1),
  };
  const models = values.model.split(',').map((name) => {
    if (!isModelName(name)) throw new Error(`resnet-bench: --model must name models among ${modelNames.join(', ')}, but got ${JSON.stringify(name)}.`);
    return name;
  });
  const modes = values.mode.split(',').map((mode) => choice('mode', mode, ['train', 'infer'] as const));
  const inference = choice('inference', values.inference, ['folded', 'layers'] as const);
  const batchSize = count('batch-size', values['batch-size'], 1);
  const steps = count('steps', values.steps, 1);
  const warmup = count('warmup', values.warmup, 0);
  const device = await setUpBenchBackend(options);
  const flags = setTfFlags(values['tf-flag']);
  for (const name of models) {
    for (const mode of modes) {
      const model = buildModel(name, { seed: 1 });
      const params = model.layersModel.trainableWeights.reduce((sum, weight) => sum + weight.shape.reduce<number>((size, dim) => size * (dim ?? 1), 1), 0);
      const result = await benchmark(model.layersModel, { mode, batchSize, steps, warmup, inference });
      model.dispose();
      const line: BenchLine = {
        framework: 'tfjs',
        model: name,
        mode,
        backend: result.backend,
        kernels: options.kernels,
        ...(result.inference === null ? {} : { inference: result.inference }),
        precision: 'fp32',
        device,
        batchSize,
        steps,
        msPerStep: result.msPerStep,
        cpuMsPerStep: result.cpuMsPerStep,
        imagesPerSecond: result.imagesPerSecond,
        peakBytes: result.peakBytes,
        heapBytes: result.heapBytes,
        params,
        ...(options.backend === 'wasm' ? { threads: options.threads } : {}),
        kernelTimes: result.kernels,
        ...(Object.keys(flags).length === 0 ? {} : { tfFlags: flags }),
      };
      if (values.json) console.log(JSON.stringify(line));
      else console.log(formatBenchLine(line) + (result.kernels === null ? '' : `\n  ${formatKernelTimes(result.kernels, result.msPerStep, 8)}`));
    }
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
// Dawn can keep the process alive; everything is printed.
process.exit();
