import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, siteDist } from './site-map.js';

// Figures, not pass/fail: the playground's page weight, its time to the first diagnostic (cold and
// warm) and the latency of each keystroke, in headless Chromium. The assertions check only that the
// compiler answered; the numbers go to artifacts/playground-timing.json.

let site: StaticSite;
let chromium: LaunchedBrowser;
beforeAll(async () => {
  site = await serveStatic(siteDist);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p90 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))] ?? Number.NaN;

/** Presses a key in the editor and waits until the compiler's answer for the new text is in the page. */
async function keystroke(page: Page, key: string): Promise<{ wallMs: number; pageMs: number; checkMs: number; errors: number }> {
  const before = Number(await page.locator('[data-diagnostics]').getAttribute('data-version'));
  const started = Date.now();
  await page.keyboard.press(key);
  await page.waitForFunction((version) => Number(document.querySelector('[data-diagnostics]')?.getAttribute('data-version')) > version, before, { timeout: 60_000, polling: 'raf' });
  const wallMs = Date.now() - started;
  const list = page.locator('[data-diagnostics]');
  return {
    wallMs,
    pageMs: Number(await list.getAttribute('data-latency-ms')),
    checkMs: Number(await list.getAttribute('data-check-ms')),
    errors: await list.locator('> li').count(),
  };
}

test('playground timings: page weight, first diagnostic cold and warm, per-keystroke latency', async () => {
  const page = await chromium.context.newPage();
  const bytes: Record<string, { raw: number; gzip: number }> = {};
  page.on('response', async (response) => {
    const url = new URL(response.url());
    const name = url.pathname.includes('compiler-worker') ? 'worker.js' : url.pathname.endsWith('types.json') ? 'types.json' : extname(url.pathname).slice(1) || 'html';
    const body = await response.body().catch(() => Buffer.alloc(0));
    const entry = (bytes[name] ??= { raw: 0, gzip: 0 });
    entry.raw += body.length;
    entry.gzip += gzipSync(body).length;
  });
  const started = Date.now();
  await page.goto(`${site.url}/en/playground/`);
  await page.locator('[data-diagnostics][data-state="checked"]').waitFor({ state: 'attached', timeout: 180_000 });
  const coldMs = Date.now() - started;
  const compilerMs = Number(await page.locator('[data-playground]').getAttribute('data-compiler-ms'));
  const firstCheckMs = Number(await page.locator('[data-diagnostics]').getAttribute('data-check-ms'));
  await page.waitForLoadState('networkidle');

  // Warm: one keystroke makes an error (filters 32 → 320 breaks the next block's identity), the
  // next removes it; each time until the list under the editor shows the compiler's answer.
  const line = page.locator('.cm-line', { hasText: 'const b1 = basicBlock' });
  await line.click();
  await page.keyboard.press('End');
  const text = (await line.textContent()) ?? '';
  for (let i = 0; i < text.length - text.indexOf("32, strides") - 2; i += 1) await page.keyboard.press('ArrowLeft');
  const breaking: number[] = [];
  const healing: number[] = [];
  const breakingInPage: number[] = [];
  const checks: number[] = [];
  for (let round = 0; round < 12; round += 1) {
    const broke = await keystroke(page, '0');
    expect(broke.errors, 'filters 320 breaks the next identity shortcut').toBeGreaterThan(0);
    const healed = await keystroke(page, 'Backspace');
    expect(healed.errors).toBe(0);
    breaking.push(broke.wallMs);
    breakingInPage.push(broke.pageMs);
    healing.push(healed.wallMs);
    checks.push(broke.checkMs, healed.checkMs);
  }

  // Typing a comment, one key at a time at a typist's pace (every keystroke is checked).
  await page.keyboard.press('End');
  const typing: number[] = [];
  for (const key of ' // shapes'.split('')) typing.push((await keystroke(page, key === ' ' ? 'Space' : key)).pageMs);

  const total = Object.values(bytes).reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), { raw: 0, gzip: 0 });
  const figures = {
    page: '/en/playground/',
    weight: { total, byKind: bytes },
    coldFirstDiagnosticMs: coldMs,
    workerReadyMs: compilerMs,
    firstCheckMs,
    warmFirstDiagnosticMs: { median: median(breaking), p90: p90(breaking), inPageMedian: median(breakingInPage), samples: breaking },
    warmClearedMs: { median: median(healing), p90: p90(healing) },
    workerCheckMs: { median: median(checks), p90: p90(checks) },
    keystrokeLatencyMs: { median: median(typing), p90: p90(typing), samples: typing },
  };
  writeFileSync(join(artifacts, 'playground-timing.json'), `${JSON.stringify(figures, null, 1)}\n`);
  console.log(JSON.stringify(figures, null, 1));
  await page.close();
});
