// Benchmark: one training step of the CIFAR ResNet-20 (batch norm in training mode, SGD update) on
// stock TF.js 4.22 cpu, on cpu with Residual's kernels, and on wasm with Residual's kernels (stock
// wasm cannot train a conv net at all: it has no Conv2DBackpropFilter). Each variant runs in its
// own Node process so the stock one never sees Residual's kernels.
//
//   npm run bench:train-step -w @residual/core -- [--batch-size 4] [--steps 2] [--model resnet20] [--wasm-batch-sizes 4,32]
//
// The stock cpu step takes minutes at batch 32 (about 340 s on 2 cores), so it is measured at a
// small batch; the comparison is made at the same batch size, and per image.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    variant: { type: 'string' },
    model: { type: 'string', default: 'resnet20' },
    'batch-size': { type: 'string', default: '4' },
    steps: { type: 'string', default: '2' },
    'stock-steps': { type: 'string', default: '1' },
    'wasm-batch-sizes': { type: 'string', default: '32' },
  },
});

interface Row {
  variant: string;
  batchSize: number;
  steps: number;
  msPerStep: number;
  imagesPerSecond: number;
  cpuMsPerStep: number | null;
  peakBytes: number;
  error?: string;
}

async function child(variant: string, model: string, batchSize: number, steps: number): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-layers');
  const backend = variant.endsWith('wasm') ? 'wasm' : 'cpu';
  await import(backend === 'wasm' ? '@tensorflow/tfjs-backend-wasm' : '@tensorflow/tfjs-backend-cpu');
  const core = await import('@residual/core');
  await tf.setBackend(backend);
  if (!variant.startsWith('stock')) core.registerTrainingKernels(backend);
  tf.enableProdMode();
  const built = core.buildModel(model, { seed: 1 });
  try {
    const result = await core.benchmark(built.layersModel, { mode: 'train', batchSize, steps, warmup: 1 });
    process.stdout.write(JSON.stringify({ variant, ...result }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ variant, batchSize, steps, error: (error as Error).message.split('\n')[0] }) + '\n');
  }
}

function run(variant: string, batchSize: number, steps: number): Row {
  const script = fileURLToPath(import.meta.url);
  const args = ['--conditions=@residual/source', '--import', 'tsx', script, '--variant', variant, '--model', values.model!, '--batch-size', String(batchSize), '--steps', String(steps)];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Row;
  } catch {
    return { variant, batchSize, steps, msPerStep: NaN, imagesPerSecond: NaN, cpuMsPerStep: null, peakBytes: NaN, error: (result.stderr.trim().split('\n').pop() ?? 'no output') };
  }
}

if (values.variant !== undefined) {
  await child(values.variant, values.model!, Number(values['batch-size']), Number(values.steps));
} else {
  const batchSize = Number(values['batch-size']);
  const steps = Number(values.steps);
  const rows: Row[] = [
    run('stock-cpu', batchSize, Number(values['stock-steps'])),
    run('stock-wasm', batchSize, 1),
    run('cpu', batchSize, steps),
    run('wasm', batchSize, steps),
    ...values['wasm-batch-sizes']!.split(',').filter(Boolean).map(Number).filter((size) => size !== batchSize).map((size) => run('wasm', size, steps)),
  ];
  console.log(`${values.model} training step (forward + backward + SGD), ${process.arch}, Node ${process.version}`);
  console.log('| variant | batch | steps | wall ms/step | CPU ms/step | images/s (wall) | images/s (CPU) | peak MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const cpuRate = (row: Row) => (row.cpuMsPerStep === null ? NaN : (row.batchSize * 1000) / row.cpuMsPerStep);
  for (const row of rows) {
    if (row.error !== undefined) console.log(`| ${row.variant} | ${row.batchSize} | — | fails: ${row.error} | | | | |`);
    else {
      console.log(
        `| ${row.variant} | ${row.batchSize} | ${row.steps} | ${row.msPerStep.toFixed(0)} | ${row.cpuMsPerStep?.toFixed(0) ?? '—'} | ` +
          `${row.imagesPerSecond.toFixed(2)} | ${cpuRate(row).toFixed(2)} | ${(row.peakBytes / 1e6).toFixed(0)} |`,
      );
    }
  }
  const stock = rows[0]!;
  for (const row of rows.slice(2)) {
    if (row.error === undefined && stock.error === undefined) {
      console.log(
        `${row.variant} at batch ${row.batchSize} vs stock cpu at batch ${stock.batchSize}: ` +
          `${(row.imagesPerSecond / stock.imagesPerSecond).toFixed(1)}× the images/s by wall time, ${(cpuRate(row) / cpuRate(stock)).toFixed(1)}× by CPU time`,
      );
    }
  }
}
