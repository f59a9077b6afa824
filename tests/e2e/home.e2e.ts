import { afterAll, beforeAll, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { serveStatic, type StaticSite } from './static-server.js';

const siteDist = fileURLToPath(new URL('../../site/dist', import.meta.url));
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

test('the home page opens in a real browser with no console errors', async () => {
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  const response = await page.goto(`${site.url}/`);
  expect(response?.status()).toBe(200);
  await expect(page.title()).resolves.toMatch(/Residual/);
  expect(errors).toEqual([]);
});
