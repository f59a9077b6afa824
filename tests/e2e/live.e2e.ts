import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadLiveExample, runLiveExample, useCpuBackend, type LiveResult } from '@residual/lessons/node';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { compareSummary, type Tolerance } from './compare-summary.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, livePages, liveRegistry, siteDist } from './site-map.js';

// float32 on different backends (and SwiftShader's shader arithmetic) drifts a little over a run.
const tolerance: Tolerance = { relative: 2e-3, absolute: 1e-5 };
const pages = await livePages();
/** Every live example on its page in both languages (the Chinese page shows the same examples). */
const bothLanguages = pages.flatMap((page) => [page, { ...page, path: page.path.replace(/^\/en\//, '/zh-cn/') }]);
const registry = await liveRegistry();
const node = new Map<string, LiveResult>();
const timings: Array<{ id: string; backend: string; ms: number; path?: string }> = [];
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(siteDist);
  await useCpuBackend();
  for (const { id } of pages) node.set(id, (await runLiveExample(await loadLiveExample(registry, id), { size: 'small' })).result);
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
  const measured = await output.locator('.live-measured [data-key]').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['key'] ?? ''));
  return {
    status,
    error,
    summary,
    measured,
    backend: await output.getAttribute('data-backend'),
    how: await output.getAttribute('data-backend-how'),
    why: await page.locator(`[data-live="${id}"] [data-backend-why]`).innerText(),
    progress: await output.getAttribute('data-progress'),
    ms: Number(await output.getAttribute('data-ms')),
    tensors: Number(await output.getAttribute('data-tensors')),
  };
}

describe('every live example on every lesson page, both languages, backend chosen automatically (WebGPU’s software adapter present)', () => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium({ webgpu: true });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  test.each(bothLanguages)('$path: $id runs to done, never on the fallback adapter, and matches Node', async ({ id, path }) => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = collectErrors(page);
    const response = await page.goto(`${site.url}${path}?size=small`);
    expect(response?.status()).toBe(200);
    const run = await runOnPage(page, id);
    expect(run.error, `${id} on ${path}`).toBeNull();
    expect(run.status).toBe('done');
    // SwiftShader's WebGPU adapter is offered here, and must not be chosen by itself.
    expect(run.backend, `${id} on ${path}: chose ${run.backend}`).not.toBe('webgpu');
    expect(['first', 'probe']).toContain(run.how);
    expect(run.why, 'the panel says why WebGPU was not used').toMatch(path.startsWith('/zh-cn/') ? /软件回退/ : /software fallback/);
    timings.push({ id, backend: run.backend ?? '', ms: run.ms, path });
    expect(compareSummary(run.summary, node.get(id)?.summary ?? {}, tolerance), `${id}: browser (${run.backend}) vs Node (cpu)`).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

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
    const response = await page.goto(`${site.url}${path}?backend=${backend}&size=small`);
    expect(response?.status(), `${path} must be in the built site (built from the same lessons tree?)`).toBe(200);
    const first = await runOnPage(page, id);
    expect(first.error, `${id} on ${backend}`).toBeNull();
    expect(first.status).toBe('done');
    expect(first.backend).toBe(backend);
    expect(first.how, 'a backend named in the URL is forced, a software adapter included').toBe('forced');
    expect(first.progress, `${id} streams progress`).toMatch(/^\d+\/\d+$/);
    timings.push({ id, backend, ms: first.ms });
    const expected = node.get(id)?.summary ?? {};
    expect(compareSummary(first.summary, expected, tolerance), `${id}: browser (${backend}) vs Node (cpu)`).toEqual([]);
    // Measured figures (timings) differ by machine: the page shows the same ones, not the same values.
    expect(first.measured, `${id}: measured figures shown`).toEqual(Object.keys(node.get(id)?.measured ?? {}));
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

test('the stop button stops a run and says so', async () => {
  const chromium = await launchChromium();
  try {
    const [first] = pages;
    expect(first, 'a lesson with a live example').toBeDefined();
    const page = await chromium.context.newPage();
    await page.goto(`${site.url}${first?.path}?backend=cpu`);
    const section = page.locator(`[data-live="${first?.id}"]`);
    await expect(section.locator('[data-run]').isEnabled()).resolves.toBe(true);
    // Press Stop in the same task as Run, so even a fast example cannot finish first.
    await section.evaluate((element) => {
      element.querySelector<HTMLButtonElement>('[data-run]')?.click();
      element.querySelector<HTMLButtonElement>('[data-stop]')?.click();
    });
    const output = section.locator('[data-run-output]');
    await output.locator('xpath=self::*[@data-status="done" or @data-status="error"]').waitFor({ timeout: 120_000 });
    await expect(output.getAttribute('data-status')).resolves.toBe('error');
    await expect(output.locator('.live-status').textContent()).resolves.toBe('Stopped before the end.');
    await expect(section.locator('[data-run]').isEnabled()).resolves.toBe(true);
  } finally {
    await chromium.close();
  }
});

test('knobs: values come from the URL, reach the example, invalid ones are reported, reset restores the lesson', async () => {
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    const errors = collectErrors(page);
    const path = pages.find((entry) => entry.id === 'grad-norms')?.path;
    expect(path, 'lesson 2 shows grad-norms').toBeDefined();
    await page.goto(`${site.url}${path}?backend=wasm&size=small&grad-norms.blocks=3&grad-norms.channels=99`);
    const section = page.locator('[data-live="grad-norms"]');
    await expect(section.locator('[data-knob="blocks"]').inputValue()).resolves.toBe('3');
    // 99 channels is out of range: said under the knobs, the lesson's value used instead
    await expect(section.locator('[data-settings-error]').innerText()).resolves.toContain('channels = "99"');
    await expect(section.locator('[data-knob="channels"]').inputValue()).resolves.toBe('8');
    const run = await runOnPage(page, 'grad-norms');
    expect(run.status).toBe('done');
    const expected = (await runLiveExample(await loadLiveExample(registry, 'grad-norms'), { size: 'small', settings: { blocks: 3 } })).result.summary;
    expect(compareSummary(run.summary, expected, tolerance)).toEqual([]);
    // change a knob with the keyboard: the URL follows; reset drops every change
    await section.locator('[data-knob="batch"]').fill('4');
    await section.locator('[data-knob="batch"]').press('Tab');
    expect(new URL(page.url()).searchParams.get('grad-norms.batch')).toBe('4');
    await section.locator('[data-reset]').click();
    expect(new URL(page.url()).searchParams.has('grad-norms.blocks')).toBe(false);
    expect(new URL(page.url()).searchParams.has('grad-norms.batch')).toBe(false);
    await expect(section.locator('[data-knob="blocks"]').inputValue()).resolves.toBe('8');
    expect(errors).toEqual([]);
  } finally {
    await chromium.close();
  }
});

test('the backend picker is remembered for the whole site and forces that backend', async () => {
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    const [first, second] = pages;
    expect(second, 'two lessons with live examples').toBeDefined();
    await page.goto(`${site.url}${first?.path}?size=small`);
    await page.locator(`[data-live="${first?.id}"] [data-backend-picker]`).selectOption('cpu');
    await page.goto(`${site.url}${second?.path}?size=small`);
    await expect(page.locator(`[data-live="${second?.id}"] [data-backend-picker]`).inputValue()).resolves.toBe('cpu');
    const run = await runOnPage(page, second?.id ?? '');
    expect([run.status, run.backend, run.how]).toEqual(['done', 'cpu', 'forced']);
  } finally {
    await chromium.close();
  }
});
