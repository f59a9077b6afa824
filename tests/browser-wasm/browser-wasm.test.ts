import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, type LaunchedBrowser } from '../e2e/browser.js';
import { serveEntryPage } from '../e2e/entry-page.js';
import type { StaticSite } from '../e2e/static-server.js';
import type { BrowserWasmReport } from './browser-entry.js';

// In a cross-origin isolated page (COOP/COEP, as the site's servers send), useBrowserWasmThreads
// runs TF.js's wasm backend and Residual's kernels on 2 threads.
let browser: LaunchedBrowser | undefined;
let served: StaticSite | undefined;
const skip = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath}`;
if (skip !== undefined) {
  const message = `wasm threads in Chromium: SKIPPED, ${skip}`;
  if (process.env['CI'] === 'true') throw new Error(`${message} (CI=true makes this an error: .ci/run installs chromium)`);
  console.warn(message);
}

async function report(threads: number): Promise<BrowserWasmReport> {
  if (browser === undefined || served === undefined) throw new Error('browser-wasm: the browser must be running, but it is not (beforeAll failed).');
  const page = await browser.context.newPage();
  try {
    await page.goto(`${served.url}/?threads=${threads}`);
    await page.waitForFunction(() => typeof window.residualWasm === 'function');
    return await page.evaluate(() => window.residualWasm());
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  if (skip !== undefined) return;
  served = await serveEntryPage(new URL('./browser-entry.ts', import.meta.url));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe.skipIf(skip !== undefined)('wasm threads in Chromium (useBrowserWasmThreads, a cross-origin isolated page)', () => {
  it("runs 2 threads, trains bit for bit as on 1, and Residual's convolution kernels match TF.js's cpu backend", async () => {
    const one = await report(1);
    const two = await report(2);
    // Residual's SIMD kernels reach the tensors on 1 thread too (TF.js's own start hid them there).
    expect({ threads: one.threads, isolated: one.isolated, simdThreads: one.simdThreads }).toEqual({ threads: 1, isolated: true, simdThreads: 1 });
    expect({ threads: two.threads, isolated: two.isolated, simdThreads: two.simdThreads }).toEqual({ threads: 2, isolated: true, simdThreads: 2 });
    expect({ losses: two.losses, weights: two.weights }).toEqual({ losses: one.losses, weights: one.weights });
    for (const errors of [one.errors, two.errors]) {
      expect(Object.keys(errors)).toEqual(['FusedConv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput']);
      for (const error of Object.values(errors)) expect(error).toBeLessThan(1e-5);
    }
  });
});
