// Residual on wasm against PyTorch on the CPU, in one call: the same model, batch and thread count,
// one process per framework and thread count (Residual: per mode too), then the ratio table (issue 18's measure).
//
//   npm run bench:cpu -- [--model resnet20] [--batch-size 128] [--threads 1,2] [--steps 5] [--warmup 2] [--out results.jsonl]
//
// PyTorch is Debian's python3-torch under /usr/bin/python3 (RESIDUAL_TORCH_PYTHON overrides the
// interpreter); when it cannot import torch, the PyTorch runs are skipped and the table says so.
// Timings are the machine's at that moment: run it on a quiet machine, and compare only ratios
// taken in one run.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { buildModel, countMacs, isModelName } from '@residual/core';
import type { BenchLine } from './bench-line.js';

const run = promisify(execFile);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const python = process.env['RESIDUAL_TORCH_PYTHON'] ?? '/usr/bin/python3';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'resnet20' },
    mode: { type: 'string', default: 'train,infer' },
    'batch-size': { type: 'string', default: '128' },
    threads: { type: 'string', default: '1,2' },
    steps: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    out: { type: 'string' },
  },
});

const threadCounts = values.threads.split(',').map((text) => {
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`bench:cpu: --threads must list integers ≥ 1, but got ${JSON.stringify(values.threads)}. Example: --threads 1,2.`);
  return threads;
});
const shared = ['--model', values.model, '--batch-size', values['batch-size'], '--steps', values.steps, '--warmup', values.warmup, '--json'];

/** JSON result lines of one child process. */
async function lines(command: string, args: readonly string[]): Promise<BenchLine[]> {
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONUNBUFFERED: '1' } });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as BenchLine);
}

async function torchMissing(): Promise<string | undefined> {
  try {
    await run(python, ['-c', 'import torch']);
    return undefined;
  } catch {
    return `PyTorch skipped: ${python} cannot import torch (Debian: apt-get install python3-torch python3-torchvision).`;
  }
}

const missing = await torchMissing();
const results: BenchLine[] = [];
for (const threads of threadCounts) {
  const thread = ['--threads', String(threads)];
  // One process per mode: the wasm heap only grows, so its size after a run is that run's own high-water mark.
  for (const mode of values.mode.split(',')) {
    results.push(...(await lines(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', here('./resnet-bench.ts'), '--backend', 'wasm', '--mode', mode, ...thread, ...shared])));
  }
  if (missing === undefined) {
    results.push(...(await lines(python, [here('./torch_resnet.py'), '--device', 'cpu', '--precision', 'fp32', '--mode', values.mode, ...thread, ...shared])));
  }
}
if (values.out !== undefined) await writeFile(values.out, results.map((line) => JSON.stringify(line)).join('\n') + '\n');

const pad = (text: string, width: number) => text.padStart(width);
console.log(`Residual (TF.js wasm + Residual's kernels) vs PyTorch ${missing === undefined ? '(CPU, fp32, channels_last)' : ''}, batch ${values['batch-size']}, ${values.steps} timed steps`);
console.log(`${'model'.padEnd(14)} ${'mode'.padEnd(6)} ${pad('threads', 7)} ${pad('residual img/s', 14)} ${pad('peak MB', 8)} ${pad('heap MB', 8)} ${pad('pytorch img/s', 13)} ${pad('ratio', 7)}`);
for (const line of results.filter((result) => result.framework === 'tfjs')) {
  const reference = results.find(
    (other) => other.framework === 'torch' && other.model === line.model && other.mode === line.mode && other.threads === line.threads && other.batchSize === line.batchSize,
  );
  if (reference !== undefined && reference.params !== line.params) {
    console.log(`warning: ${line.model} has ${line.params} trainable parameters in Residual but ${reference.params} in PyTorch`);
  }
  const torch = reference === undefined ? '-' : reference.imagesPerSecond.toFixed(1);
  const ratio = reference === undefined ? '-' : `${(line.imagesPerSecond / reference.imagesPerSecond).toFixed(2)}×`;
  console.log(
    `${line.model.padEnd(14)} ${line.mode.padEnd(6)} ${pad(String(line.threads ?? '-'), 7)} ${pad(line.imagesPerSecond.toFixed(1), 14)} ` +
      `${pad((line.peakBytes / 1e6).toFixed(0), 8)} ${pad(line.heapBytes == null ? '-' : (line.heapBytes / 1e6).toFixed(0), 8)} ${pad(torch, 13)} ${pad(ratio, 7)}`,
  );
}
if (missing !== undefined) console.log(missing);
console.log('\nwhere Residual\'s step went (one profiled step, wall time per kernel on the main thread):');
for (const line of results.filter((result) => result.framework === 'tfjs' && result.kernelTimes)) {
  const times = line.kernelTimes ?? [];
  const slowest = times.slice(0, 8).map((kernel) => `${kernel.name} ${kernel.calls}× ${kernel.ms.toFixed(0)} ms`).join(', ');
  console.log(`${line.mode} ${line.threads ?? '-'} thread(s), ${line.msPerStep.toFixed(0)} ms/step: ${slowest}`);
}

// The roofline: one core's peak multiply-accumulate rate in wasm SIMD here, measured in a child
// process of its own (after the runs, so nothing shares the cores), against what each run achieved.
const { stdout: peakLine } = await run(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', here('./simd-peak.ts')]);
const peak = JSON.parse(peakLine.trim().split('\n').at(-1) ?? '{}') as { mulAdd: number | null; relaxedMadd: number | null };
const gmacs = (value: number | null) => (value === null ? 'not in this engine' : `${value.toFixed(1)} GMAC/s`);
console.log(
  `\nwasm SIMD on one core here (bench/simd-peak.ts, operands in registers): ${gmacs(peak.mulAdd)} with f32x4.mul + f32x4.add, ` +
    `${gmacs(peak.relaxedMadd)} with relaxed SIMD's f32x4.relaxed_madd (node --experimental-wasm-relaxed-simd)`,
);
console.log('what each run multiplies and adds, per thread (a training step ≈ 3 × the forward MACs: forward, input and filter gradients):');
const macs = new Map<string, number>();
for (const line of results) {
  if (!macs.has(line.model) && isModelName(line.model)) macs.set(line.model, countMacs(buildModel(line.model, { seed: 1 })));
  const perImage = macs.get(line.model);
  if (perImage === undefined || peak.mulAdd === null) continue;
  const rate = (line.imagesPerSecond * perImage * (line.mode === 'train' ? 3 : 1)) / (line.threads ?? 1) / 1e9;
  console.log(
    `  ${line.framework === 'tfjs' ? 'residual' : 'pytorch '} ${line.model} ${line.mode.padEnd(5)} ${line.threads ?? '-'} thread(s): ` +
      `${rate.toFixed(1)} GMAC/s per thread, ${((100 * rate) / peak.mulAdd).toFixed(0)} % of the SIMD128 peak`,
  );
}
