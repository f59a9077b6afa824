// Times Residual's ResNets on TF.js's wasm backend in headless Chromium (Debian's, through
// playwright-core), once per thread count, in a page served with the COOP/COEP headers that make it
// cross-origin isolated (threads need SharedArrayBuffer), as the site's servers send them.
//
//   node --conditions=@residual/source --import tsx bench/browser-bench.ts [--threads 1,2] [--model resnet20]
//        [--batch-size 128] [--steps 5] [--warmup 2] [--json]
//
// Lines are in the format of resnet-bench.ts (device "chromium wasm (N threads)").
import { parseArgs } from 'node:util';
import { isModelName } from '@residual/core';
import { launchChromium } from '../tests/e2e/browser.js';
import { serveEntryPage } from '../tests/e2e/entry-page.js';
import { formatBenchLine, type BenchLine } from './bench-line.js';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '1,2' },
    model: { type: 'string', default: 'resnet20' },
    mode: { type: 'string', default: 'train,infer' },
    'batch-size': { type: 'string', default: '128' },
    steps: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
if (!isModelName(values.model)) throw new Error(`browser-bench: --model must name a model, but got ${JSON.stringify(values.model)}.`);
const model = values.model;
const served = await serveEntryPage(new URL('./browser-entry.ts', import.meta.url));
const { context, close } = await launchChromium();
try {
  for (const threads of values.threads.split(',').map(Number)) {
    const page = await context.newPage();
    await page.goto(`${served.url}/?threads=${threads}`);
    await page.waitForFunction(() => typeof window.residualBench === 'function');
    const report = await page.evaluate(
      (options) => window.residualBench(options),
      { model, modes: values.mode.split(',') as Array<'train' | 'infer'>, batchSize: Number(values['batch-size']), steps: Number(values.steps), warmup: Number(values.warmup) },
    );
    for (const result of report.results) {
      const line: BenchLine = {
        framework: 'tfjs',
        model,
        mode: result.mode,
        backend: result.backend,
        kernels: 'residual',
        ...(result.inference === null ? {} : { inference: result.inference }),
        precision: 'fp32',
        device: `chromium wasm (${report.threads} thread${report.threads === 1 ? '' : 's'}${report.isolated ? '' : ', not isolated'}${report.simdThreads === null ? ", without Residual's SIMD kernels" : ''})`,
        batchSize: result.batchSize,
        steps: result.steps,
        msPerStep: result.msPerStep,
        imagesPerSecond: result.imagesPerSecond,
        peakBytes: result.peakBytes,
        heapBytes: result.heapBytes,
        params: report.params,
        threads: report.threads,
        kernelTimes: result.kernels,
      };
      console.log(values.json ? JSON.stringify(line) : `${formatBenchLine(line)}  [${line.device}]`);
    }
    await page.close();
  }
} finally {
  await close();
  await served.close();
}
