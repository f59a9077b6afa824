import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, siteDist } from './site-map.js';

// The playground's own broken ResNet-20 (a stage's first block without its projection), and the
// address that opens it.
const broken = readFileSync(fileURLToPath(new URL('../../site/src/components/playground/presets/resnet20.bug.ts', import.meta.url)), 'utf8');
const brokenHash = `#code=${Buffer.from(broken, 'utf8').toString('base64url')}`;
const locales = ['en', 'zh-cn'] as const;

let site: StaticSite;
let chromium: LaunchedBrowser;
beforeAll(async () => {
  site = await serveStatic(siteDist);
  chromium = await launchChromium();
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

/** The diagnostics list once the compiler has checked the editor's current text. */
async function checked(page: Page): Promise<string[]> {
  await page.locator('[data-diagnostics][data-state="checked"]').waitFor({ state: 'attached', timeout: 120_000 });
  return page.locator('[data-diagnostics] > li').allInnerTexts();
}

describe.each(locales)('the playground in %s', (locale) => {
  test('a broken block in the address → the compiler names the projection → the quick fix → Run shows the parameters', async () => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = collectErrors(page);
    // wasm: headless Chromium's WebGPU adapter is a software one, far slower (PITFALLS).
    await page.goto(`${site.url}/${locale}/playground/?backend=wasm${brokenHash}`);
    const before = await checked(page);
    expect(before).toHaveLength(1);
    expect(before[0]).toContain("use shortcut: 'projection'");
    await expect(page.locator('.cm-lintRange-error').count(), 'a squiggle in the editor').resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, `${locale}-playground-error.png`) });

    await page.locator('[data-diagnostics] [data-fix="projection"]').click();
    await page.waitForFunction(() => document.querySelector('[data-diagnostics]')?.getAttribute('data-state') === 'checked' && document.querySelectorAll('[data-diagnostics] > li').length === 0, null, { timeout: 120_000 });
    const fixed = await page.evaluate(() => (document.querySelector('.cm-content') as HTMLElement).innerText);
    expect(fixed).toContain("basicBlock(a3, { filters: 32, strides: 2, shortcut: 'projection' })");
    // The address follows the edit: it now opens the fixed code.
    await page.waitForFunction((before) => location.hash !== before, brokenHash);
    const hash = new URL(page.url()).hash;
    expect(Buffer.from(hash.replace('#code=', ''), 'base64url').toString('utf8')).toContain("strides: 2, shortcut: 'projection' }");

    await page.locator('[data-run]').click();
    const output = page.locator('[data-run-output][data-params]');
    await output.waitFor({ timeout: 180_000 });
    const params = Number(await output.getAttribute('data-params'));
    expect(params).toBeGreaterThan(270_000);
    await expect(output.textContent()).resolves.toContain(`Total params: ${params.toLocaleString('en-US')}`);
    await page.screenshot({ path: join(artifacts, `${locale}-playground-run.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('hovering a name in the editor shows its shape', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${site.url}/${locale}/playground/`);
    await checked(page);
    const name = page.locator('.cm-line', { hasText: 'const a1 = basicBlock' }).locator('text=a1').first();
    await name.hover();
    await expect(page.locator('.cm-tooltip-hover .pg-type').textContent({ timeout: 60_000 })).resolves.toBe('const a1: Sym<[number, 32, 32, 16]>');
    await page.close();
  });
});

describe.each(locales)('lesson code in %s', (locale) => {
  test('identifiers show their type from the compiler; copy gives the code without popups; the compiler is not loaded', async () => {
    const page = await chromium.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}/${locale}/07-compiler-catches/`);
    // Lesson 7's bug, with its type popups and tsc's error under the line that causes it.
    const bug = page.locator('[data-compiler-error="block-identity-stride2"]');
    const token = bug.locator('.twoslash-hover').filter({ has: page.locator('.twoslash-popup-container', { hasText: 'const x: Sym<' }) }).first();
    // A real pointer over the token (locator.hover aims at the union of the token and its hidden popup).
    await token.scrollIntoViewIfNeeded();
    const box = await token.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    const popup = token.locator('.twoslash-popup-container');
    await expect(popup.textContent()).resolves.toBe('const x: Sym<[number, 32, 32, 64]>');
    await expect.poll(() => popup.evaluate((node) => getComputedStyle(node).opacity)).toBe('1'); // after its fade-in
    await expect(bug.locator('.twoslash-error-line').textContent()).resolves.toContain("use shortcut: 'projection'");
    await page.screenshot({ path: join(artifacts, `${locale}-lesson-hover.png`) });
    // A tap focuses the token (it is out of the tab order) and the popup shows.
    await page.mouse.move(0, 0);
    await token.focus();
    await expect.poll(() => popup.evaluate((node) => getComputedStyle(node).opacity)).toBe('1'); // after its fade-in

    const copy = bug.locator('[data-copy-code]');
    await copy.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe("const x = input([32, 32, 64]); //                           [N, 32, 32, 64]\nexport const y = basicBlock(x, { filters: 128, strides: 2 }); // identity shortcut by default");
    expect(requests.filter((url) => /compiler-worker|playground\/types\.json/.test(url))).toEqual([]);
    await page.close();
  });
});

test('Train runs five steps of the library\'s training step on the CIFAR-10 sample', async () => {
  const page = await chromium.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}/en/playground/?backend=wasm`);
  await checked(page);
  await page.locator('[data-train]').click();
  const output = page.locator('[data-run-output]');
  await page.waitForFunction(() => document.querySelector('[data-run-output]')?.getAttribute('data-status') !== 'running', null, { timeout: 300_000 });
  await expect(output.getAttribute('data-status')).resolves.toBe('done');
  const text = (await output.textContent()) ?? '';
  const losses = [...text.matchAll(/loss (\d+\.\d+)/g)].map((match) => Number(match[1]));
  expect(losses).toHaveLength(5);
  for (const loss of losses) {
    expect(loss, 'a cross-entropy over ten classes, finite and positive').toBeGreaterThan(0);
    expect(loss).toBeLessThan(10);
  }
  expect(text).toContain('Trained 5 steps on 160 real CIFAR-10 training images');
  expect(errors).toEqual([]);
  await page.close();
});

test("lesson 1's first block is coloured in light mode (const is a keyword colour)", async () => {
  const page = await chromium.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${site.url}/en/01-residual-idea/`);
  const first = page.locator('figure.example pre.shiki').first();
  const keyword = first.locator('span', { hasText: /^const$/ }).first();
  await expect(keyword.evaluate((node) => getComputedStyle(node).color)).resolves.toBe('rgb(207, 34, 46)'); // #CF222E, github-light-default's keyword colour
  await page.close();
});
