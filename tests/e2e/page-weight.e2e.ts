import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, livePages, siteDist } from './site-map.js';

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

test('a lesson page loads everything from the site itself (no CDN); its weight is recorded', async () => {
  const [first] = await livePages();
  expect(first, 'a lesson with a live example').toBeDefined();
  const page = await chromium.context.newPage();
  const bytes: Record<string, number> = {};
  const foreign: string[] = [];
  let phase = 'load';
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.origin !== site.url) {
      foreign.push(response.url());
      return;
    }
    const kind = extname(url.pathname).slice(1) || 'html';
    const size = (await response.body().catch(() => Buffer.alloc(0))).length;
    bytes[`${phase}.${kind}`] = (bytes[`${phase}.${kind}`] ?? 0) + size;
  });
  // Forcing wasm makes the page fetch the .wasm binary, so all three parts are counted.
  await page.goto(`${site.url}${first?.path}?backend=wasm&size=small`, { waitUntil: 'networkidle' });
  phase = 'run';
  const section = page.locator(`[data-live="${first?.id}"]`);
  await section.locator('[data-run]').click();
  await section.locator('[data-run-output]').locator('xpath=self::*[@data-status="done" or @data-status="error"]').waitFor({ timeout: 180_000 });
  await page.waitForLoadState('networkidle');
  writeFileSync(join(artifacts, 'page-weight.json'), `${JSON.stringify({ page: first?.path, bytes }, null, 1)}\n`);
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(bytes['run.wasm'], 'the wasm binary is served by the site').toBeGreaterThan(100_000);
  await page.close();
});
