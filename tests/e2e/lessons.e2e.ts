import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, lessonPages, siteDist } from './site-map.js';

let site: StaticSite;
let chromium: LaunchedBrowser;
const headings = new Map<string, string[]>();

beforeAll(async () => {
  site = await serveStatic(siteDist);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

describe('every lesson page, in both languages', () => {
  test.each(lessonPages())('$path loads without console errors; screenshot saved', async ({ locale, slug, path, written }) => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = collectErrors(page);
    const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('article.lesson h1').textContent()).resolves.toMatch(/\S/);
    headings.set(`${locale}/${slug}`, await page.locator('article .prose').locator('h2, h3, h4').evaluateAll((nodes) => nodes.map((node) => node.tagName)));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale === 'zh-cn' ? 'zh-CN' : 'en');
    // A lesson not yet written in this language shows the other language's text with a notice.
    await expect(page.locator('[data-fallback]').count(), `fallback notice on ${path}`).resolves.toBe(written ? 0 : 1);
    const switcher = page.locator('.lang-switch a');
    await expect(switcher.count()).resolves.toBe(2);
    await page.screenshot({ path: join(artifacts, `${locale}-${slug}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('headings match between the languages', () => {
    const slugs = [...new Set(lessonPages().map((page) => page.slug))];
    for (const slug of slugs) {
      const en = headings.get(`en/${slug}`);
      const zh = headings.get(`zh-cn/${slug}`);
      expect(en, `headings of en/${slug}`).toBeDefined();
      expect(zh, `headings of zh-cn/${slug} must match en/${slug}`).toEqual(en);
    }
  });
});

test('the language switcher leads to the same lesson in the other language', async () => {
  const first = lessonPages()[0];
  expect(first).toBeDefined();
  const page = await chromium.context.newPage();
  await page.goto(`${site.url}/en/${first?.slug}/`);
  await page.locator('.lang-switch a[data-locale="zh-cn"]').click();
  await page.waitForURL(`**/zh-cn/${first?.slug}/`);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  await page.close();
});

test('with JavaScript off, the static parts are there and live parts say they need JavaScript', async () => {
  const context = await chromium.context.browser()?.newContext({ javaScriptEnabled: false });
  const page = await (context ?? chromium.context).newPage();
  for (const { path } of lessonPages()) {
    await page.goto(`${site.url}${path}`);
    const text = await page.locator('article.lesson').innerText();
    expect(text.length, `${path} has its text without JavaScript`).toBeGreaterThan(200);
    const lives = await page.locator('[data-live]').count();
    if (lives > 0) await expect(page.locator('.live-noscript').first().isVisible(), `${path} says live examples need JavaScript`).resolves.toBe(true);
    const broken = await page.locator('[data-num]').evaluateAll((nodes) => nodes.filter((node) => (node.textContent ?? '').trim() === '').length);
    expect(broken, `${path}: every <Num> shows its value`).toBe(0);
  }
  await page.close();
  await context?.close();
});

test('the root, both homes, the guide and the API index open without errors', async () => {
  const page = await chromium.context.newPage();
  const errors = collectErrors(page);
  for (const path of ['/', '/en/', '/zh-cn/', '/en/guide/', '/zh-cn/guide/', '/api/']) {
    const response = await page.goto(`${site.url}${path}`);
    expect(response?.status(), path).toBe(200);
  }
  await page.goto(`${site.url}/zh-cn/guide/`);
  await page.screenshot({ path: join(artifacts, 'zh-cn-guide.png'), fullPage: true });
  await page.goto(`${site.url}/`);
  await page.screenshot({ path: join(artifacts, 'root.png') });
  await page.goto(`${site.url}/api/`);
  for (const href of await page.locator('main a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
    const api = await page.request.get(href);
    expect(api.status(), `${href} (the typedoc reference copied into the site)`).toBe(200);
  }
  expect(errors).toEqual([]);
  await page.close();
});

test('the guide "writing a lesson" has the same structure and numbers in both languages', async () => {
  const { compareOutlines, compileMdxFile } = await import('@residual/lessons/node');
  const guide = (locale: 'en' | 'zh-cn') => new URL(`../../site/src/guide/${locale}.mdx`, import.meta.url).pathname;
  const outline = async (locale: 'en' | 'zh-cn') => ({ locale, file: `site/src/guide/${locale}.mdx`, outline: (await compileMdxFile(guide(locale), { data: null })).outline });
  expect(compareOutlines({ a: await outline('en'), b: await outline('zh-cn') })).toEqual([]);
});
