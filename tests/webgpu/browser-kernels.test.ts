import fc from 'fast-check';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, type LaunchedBrowser } from '../e2e/browser.js';
import { serveEntryPage } from '../e2e/entry-page.js';
import type { StaticSite } from '../e2e/static-server.js';
// The unit tests' case generator for Residual's WebGPU kernels.
import { convCaseArbitrary, type ConvCase, type ConvKernelName, type SeededInput } from '@residual/core/testing';
import type { BrowserReport } from './browser-entry.js';

/** Chromium's WebGPU (SwiftShader here, the GPU on a reader's machine) runs the same kernels as Node's Dawn. */
const kernels: ConvKernelName[] = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];
const strided: ConvCase = {
  batch: 2, height: 9, width: 7, inChannels: 5, outChannels: 12, filterHeight: 3, filterWidth: 3,
  strideHeight: 2, strideWidth: 1, pad: 'same', activation: 'relu', bias: true, seed: 3,
};

let browser: LaunchedBrowser | undefined;
let served: StaticSite | undefined;
let page: Page | undefined;
const skip = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath}`;
if (skip !== undefined) {
  const message = `Residual's WebGPU kernels in Chromium: SKIPPED, ${skip}`;
  if (process.env['RESIDUAL_REQUIRE_WEBGPU'] === '1') throw new Error(`${message} (RESIDUAL_REQUIRE_WEBGPU=1 makes this an error)`);
  console.warn(message);
}

async function check(cases: ReadonlyArray<{ name: ConvKernelName; convCase: ConvCase }>): Promise<BrowserReport> {
  if (page === undefined) throw new Error('browser-kernels: the page must be open, but it is not (beforeAll failed).');
  return page.evaluate((list) => window.residualWebGpu(list), cases);
}

beforeAll(async () => {
  if (skip !== undefined) return;
  served = await serveEntryPage(new URL('./browser-entry.ts', import.meta.url));
  browser = await launchChromium({ webgpu: true });
  page = await browser.context.newPage();
  await page.goto(`${served.url}/`);
  await page.waitForFunction(() => typeof window.residualWebGpu === 'function');
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe.skipIf(skip !== undefined)("Residual's WebGPU kernels in Chromium (Chrome's WebGPU) against TF.js's cpu backend", () => {
  it('each kernel runs its own shader and matches on a strided case with odd channels and a fused epilogue', async () => {
    const report = await check(kernels.map((name) => ({ name, convCase: strided })));
    expect(report.adapter, 'Chromium must offer a WebGPU adapter (--enable-unsafe-webgpu)').not.toBeNull();
    expect(report.results.map(({ name, ranResidual }) => ({ name, ranResidual }))).toEqual(kernels.map((name) => ({ name, ranResidual: true })));
    for (const result of report.results) expect(result.maxError).toBeLessThan(1e-5);
  });

  it('matches over random shapes, strides and paddings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...kernels), convCaseArbitrary, async (name, convCase) => {
        const [result] = (await check([{ name, convCase }])).results;
        expect(result?.ranResidual).toBe(true);
        expect(result?.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 8 },
    );
  });

  it('folded inference ends each residual block in one ResidualConv2D kernel, with the logits of the layers on cpu', async () => {
    const report = await page?.evaluate(() => window.residualInference());
    expect(report).not.toBeNull();
    expect(report?.maxError).toBeLessThan(1e-4);
    expect(report?.kernels['ResidualConv2D']).toBe(9); // ResNet-20: nine blocks
    expect(report?.kernels['FusedConv2D']).toBe(12); // the stem, two per block less the nine ends, two projections
    for (const gone of ['Add', 'Relu', 'FusedBatchNorm']) expect({ gone, calls: report?.kernels[gone] ?? 0 }).toEqual({ gone, calls: 0 });
  });

  it("Sum and Mean read batch norm's statistics and a global pool in place", async () => {
    const cases: Array<{ name: string; x: SeededInput; axis: number[]; keepDims: boolean; shape: number[] }> = [
      { name: 'Mean', x: [[4, 16, 16, 12], 1], axis: [0, 1, 2], keepDims: false, shape: [12] },
      { name: 'Sum', x: [[4, 16, 16, 12], 2], axis: [0, 1, 2], keepDims: true, shape: [1, 1, 1, 12] },
      { name: 'Mean', x: [[3, 5, 5, 7], 3], axis: [1, 2], keepDims: false, shape: [3, 7] },
    ];
    for (const { name, x, axis, keepDims, shape } of cases) {
      const result = await page?.evaluate((c) => window.residualWebGpuKernel(c.name, { x: c.x }, { axis: c.axis, keepDims: c.keepDims }), {
        name, x, axis, keepDims,
      });
      expect(result).toMatchObject({ outputShape: shape, ranResidual: true });
      expect(result?.maxError).toBeLessThan(1e-5);
    }
  });
});
