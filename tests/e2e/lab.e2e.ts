import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, siteDist } from './site-map.js';

let site: StaticSite;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  site = await serveStatic(siteDist);
  // WebGPU's software adapter is offered, as in CI: the lab must not choose it by itself.
  chromium = await launchChromium({ webgpu: true });
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

/** A 48 × 40 24-bit BMP (a format every browser decodes) of a blue sky over green grass. */
function landscapeBmp(): Buffer {
  const [width, height] = [48, 40];
  const row = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + row * height);
  file.write('BM', 0);
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sky = y >= height / 2; // BMP rows run bottom-up
      file.set(sky ? [230, 160, 80] : [40, 150, 60], 54 + y * row + x * 3); // blue, green, red
    }
  }
  return file;
}

test('the lab trains both networks for one short epoch on real images, draws its curves, looks inside, and classifies an uploaded picture', async () => {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = collectErrors(page);
  const response = await page.goto(`${site.url}/en/lab/?size=small`);
  expect(response?.status()).toBe(200);
  // the size of the download is said before anything is fetched
  await expect(page.locator('article.lab').innerText()).resolves.toMatch(/7\.7 MB in all/);
  const started = Date.now();
  await page.locator('[data-lab-start]').click();
  const status = page.locator('[data-lab-status]');
  await status.locator('xpath=self::*[@data-state="done" or @data-state="stopped" or @data-state="error"]').waitFor({ timeout: 240_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(await status.getAttribute('data-error')).toBeNull();
  expect(await status.getAttribute('data-state')).toBe('done');
  expect(await status.getAttribute('data-epochs')).toBe('1');
  expect(await status.getAttribute('data-backend'), 'never the software WebGPU adapter by itself').not.toBe('webgpu');
  await expect(page.locator('[data-lab-data]').innerText()).resolves.toBe('2,000 training and 500 test images ready.');
  // one row per network in the time table, curves and gradient norms drawn, the comparison in words
  await expect(page.locator('[data-lab-epochs] tr').count()).resolves.toBe(2);
  await expect(page.locator('.table-wrap:has([data-lab-epochs])').evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth), 'the time table fits at 1280 px').resolves.toBeLessThanOrEqual(1);
  for (const chart of ['loss', 'accuracy', 'gradients']) {
    await expect(page.locator(`[data-lab-chart="${chart}"] canvas`).count(), `${chart} chart`).resolves.toBeGreaterThan(0);
  }
  await expect(page.locator('[data-lab-summary-text]').innerText()).resolves.toMatch(/^After epoch 1, on 60 training images, ResNet-20 reached a training accuracy of/);
  // look inside: the test image and 8 channels of 4 stages for each network
  await page.locator('[data-lab-show]').click();
  await page.locator('[data-lab-maps][data-image="0"]').waitFor({ timeout: 60_000 });
  await expect(page.locator('[data-lab-maps] canvas').count()).resolves.toBe(1 + 2 * 4 * 8);
  // classify your own image: both networks give three guesses with scores
  await page.locator('[data-lab-upload]').setInputFiles({ name: 'landscape.bmp', mimeType: 'image/bmp', buffer: landscapeBmp() });
  await page.locator('[data-lab-guesses][data-state="done"]').waitFor({ timeout: 60_000 });
  const guesses = await page.locator('[data-lab-guesses] li').allInnerTexts();
  expect(guesses).toHaveLength(6);
  for (const guess of guesses) expect(guess).toMatch(/^(airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck): \d+\.\d %$/);
  await page.screenshot({ path: join(artifacts, 'lab-en.png'), fullPage: true });
  writeFileSync(join(artifacts, 'lab-timing.json'), `${JSON.stringify({ seconds, backend: await status.getAttribute('data-backend') }, null, 1)}\n`);
  expect(errors).toEqual([]);
  await page.close();
});

test('the Chinese lab page is in Chinese and opens without errors', async () => {
  const page = await chromium.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}/zh-cn/lab/`);
  await expect(page.locator('h1').innerText()).resolves.toBe('实验室：在真实 CIFAR-10 上比较残差网络与普通网络');
  await expect(page.locator('[data-lab-start]').isEnabled()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
