import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, type LaunchedBrowser } from '../e2e/browser.js';
import type { BrowserWasmReport } from './browser-entry.js';

// In a cross-origin isolated page (COOP/COEP, as the site's servers send), useBrowserWasmThreads
// runs TF.js's wasm backend and Residual's kernels on 2 threads.
let browser: LaunchedBrowser | undefined;
let server: Server | undefined;
const skip = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath}`;
if (skip !== undefined) {
  const message = `wasm threads in Chromium: SKIPPED, ${skip}`;
  if (process.env['CI'] === 'true') throw new Error(`${message} (CI=true makes this an error: .ci/run installs chromium)`);
  console.warn(message);
}

async function report(threads: number): Promise<BrowserWasmReport> {
  if (browser === undefined || server === undefined) throw new Error('browser-wasm: the browser must be running, but it is not (beforeAll failed).');
  const page = await browser.context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?threads=${threads}`);
    await page.waitForFunction(() => typeof window.residualWasm === 'function');
    return await page.evaluate(() => window.residualWasm());
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  if (skip !== undefined) return;
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@residual/source'],
    external: ['fs', 'path', 'os', 'worker_threads', 'perf_hooks'],
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const wasm = /^\/wasm\/([\w.-]+\.wasm)$/.exec(path)?.[1];
    if (wasm !== undefined) {
      readFile(join(wasmDir, wasm)).then((bytes) => response.writeHead(200, { ...isolation, 'content-type': 'application/wasm' }).end(bytes), () => response.writeHead(404).end());
      return;
    }
    const isScript = path === '/entry.js';
    response.writeHead(200, { ...isolation, 'content-type': isScript ? 'text/javascript' : 'text/html' });
    response.end(isScript ? script : '<!doctype html><script type="module" src="/entry.js"></script>');
  });
  await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(skip !== undefined)('wasm threads in Chromium (useBrowserWasmThreads, a cross-origin isolated page)', () => {
  it("runs 2 threads, trains bit for bit as on 1, and Residual's convolution kernels match TF.js's cpu backend", async () => {
    const one = await report(1);
    const two = await report(2);
    expect({ threads: one.threads, isolated: one.isolated }).toEqual({ threads: 1, isolated: true });
    expect({ threads: two.threads, isolated: two.isolated }).toEqual({ threads: 2, isolated: true });
    expect({ losses: two.losses, weights: two.weights }).toEqual({ losses: one.losses, weights: one.weights });
    for (const errors of [one.errors, two.errors]) {
      expect(Object.keys(errors)).toEqual(['FusedConv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput']);
      for (const error of Object.values(errors)) expect(error).toBeLessThan(1e-5);
    }
  });
});
