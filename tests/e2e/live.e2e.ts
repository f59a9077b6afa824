import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findLiveExample, runLiveExample, useCpuBackend, type LiveResult } from '@residual/lessons/node';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { compareSummary, type Tolerance } from './compare-summary.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, livePages, liveRegistry, siteDist } from './site-map.js';

// float32 on different backends (and SwiftShader's shader arithmetic) drifts a little over a run.
const tolerance: Tolerance = { relative: 2e-3, absolute: 1e-5 };
const pages = await livePages();
const registry = await liveRegistry();
const node = new Map<string, LiveResult>();
const timings: Array<{ id: string; backend: string; ms: number }> = [];
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(siteDist);
  await useCpuBackend();
  for (const { id } of pages) node.set(id, (await runLiveExample(findLiveExample(registry, id), { size: 'small' })).result);
});
afterAll(async () => {
  writeFileSync(join(artifacts, 'live-timings.json'), `${JSON.stringify(timings, null, 1)}\n`);
  await site?.close();
});

/** Presses Run and waits for the output to settle; returns what the page shows. */
async function runOnPage(page: Page, id: string) {
  const section = page.locator(`[data-live="${id}"]`);
  const output = section.locator('[data-run-output]');
  await section.locator('[data-run]').click();
  await expect.poll(() => output.getAttribute('data-status'), { timeout: 5_000 }).not.toBe('idle');
  await output.locator('xpath=self::*[@data-status="done" or @data-status="error"]').waitFor({ timeout: 180_000 });
  const status = await output.getAttribute('data-status');
  const error = await output.getAttribute('data-error');
  const summary = Object.fromEntries(
    await output.locator('.live-summary [data-key]').evaluateAll((rows) =>
      rows.map((row) => [(row as HTMLElement).dataset['key'] ?? '', row.querySelector('dd')?.getAttribute('data-value') ?? '']),
    ),
  ) as Record<string, string>;
  return {
    status,
    error,
    summary,
    backend: await output.getAttribute('data-backend'),
    ms: Number(await output.getAttribute('data-ms')),
    tensors: Number(await output.getAttribute('data-tensors')),
  };
}

describe.each([
  { backend: 'webgl', webgpu: false, twice: true },
  { backend: 'webgpu', webgpu: true, twice: false },
])('live examples on $backend in headless Chromium', ({ backend, webgpu, twice }) => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium({ webgpu });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  test.each(pages)('$id runs to completion and matches Node', async ({ id, path }) => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = collectErrors(page);
    await page.goto(`${site.url}${path}?backend=${backend}&size=small`);
    const first = await runOnPage(page, id);
    expect(first.error, `${id} on ${backend}`).toBeNull();
    expect(first.status).toBe('done');
    expect(first.backend).toBe(backend);
    timings.push({ id, backend, ms: first.ms });
    const expected = node.get(id)?.summary ?? {};
    expect(compareSummary(first.summary, expected, tolerance), `${id}: browser (${backend}) vs Node (cpu)`).toEqual([]);
    await page.locator(`[data-live="${id}"]`).screenshot({ path: join(artifacts, `live-${id}-${backend}.png`) });
    if (twice) {
      const second = await runOnPage(page, id);
      expect(second.status).toBe('done');
      expect(second.tensors, `${id}: tf.memory().numTensors after a second run`).toBe(first.tensors);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
