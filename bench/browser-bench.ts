// Times Residual's ResNets on TF.js's wasm backend in headless Chromium (Debian's, through
// playwright-core), once per thread count, in a page served with the COOP/COEP headers that make it
// cross-origin isolated (threads need SharedArrayBuffer), as the site's servers send them.
//
//   node --conditions=@residual/source --import tsx bench/browser-bench.ts [--threads 1,2] [--model resnet20]
//        [--batch-size 128] [--steps 5] [--warmup 2] [--json]
//
// Lines are in the format of resnet-bench.ts (device "chromium wasm (N threads)").
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { isModelName } from '@residual/core';
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
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['@residual/source'],
  // tfjs-backend-wasm's Node-only requires, never reached in a browser
  external: ['fs', 'path', 'os', 'worker_threads', 'perf_hooks'],
  write: false,
  logLevel: 'silent',
});
const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const wasm = /^\/wasm\/([\w.-]+\.wasm)$/.exec(path)?.[1];
  if (wasm !== undefined) {
    readFile(join(wasmDir, wasm)).then(
      (bytes) => response.writeHead(200, { ...isolation, 'content-type': 'application/wasm' }).end(bytes),
      () => response.writeHead(404).end(),
    );
    return;
  }
  const isScript = path === '/entry.js';
  response.writeHead(200, { ...isolation, 'content-type': isScript ? 'text/javascript' : 'text/html' });
  response.end(isScript ? script : '<!doctype html><script type="module" src="/entry.js"></script>');
});
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const profile = await mkdtemp(join(tmpdir(), 'residual-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const threads of values.threads.split(',').map(Number)) {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?threads=${threads}`);
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
        device: `chromium wasm (${report.threads} thread${report.threads === 1 ? '' : 's'}${report.isolated ? '' : ', not isolated'})`,
        batchSize: result.batchSize,
        steps: result.steps,
        msPerStep: result.msPerStep,
        imagesPerSecond: result.imagesPerSecond,
        peakBytes: result.peakBytes,
        params: report.params,
        threads: report.threads,
        kernelTimes: result.kernels,
      };
      console.log(values.json ? JSON.stringify(line) : `${formatBenchLine(line)}  [${line.device}]`);
    }
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
