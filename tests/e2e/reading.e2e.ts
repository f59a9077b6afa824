import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { collectErrors } from './page-errors.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { artifacts, dirs, lessonPages, siteDist } from './site-map.js';

// What a reader of the lessons meets: typeset math, figures, search, text without stray spaces in
// Chinese, code that is not cut off, a 404 page, navigation on a phone, links to the API.
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

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors = collectErrors(page);
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

/** Whether a lesson's source writes math (`$…$` or `$$`). */
function writesMath(locale: string, slug: string): boolean {
  return /\$[^$\n]+\$|^\$\$$/m.test(readFileSync(join(dirs.content, locale, `${slug}.mdx`), 'utf8'));
}

const cjk = '[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef]';

describe('every lesson page', () => {
  test.each(lessonPages().filter((page) => page.written))('$path: math typeset, no clipped code at 1280 px, no stray spaces in Chinese', async ({ locale, slug, path }) => {
    const { page, errors } = await open(path);
    const found = await page.evaluate((cjkPattern) => {
      const overflowing = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].filter((node) => node.scrollWidth > node.clientWidth + 1).map((node) => (node.textContent ?? '').slice(0, 60));
      const stray = new RegExp(`${cjkPattern}[ \\t\\n]+${cjkPattern}`, 'g');
      const spaces = [...document.querySelectorAll<HTMLElement>('.prose p, .prose li, .prose td, .prose th, .prose figcaption, .lesson h1, .prose h2, .prose h3')].flatMap((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        // Code and formulas stand for a word (the spaces around them are wanted); nested lists are checked on their own.
        for (const skip of copy.querySelectorAll('code, pre, .katex')) skip.replaceWith('x');
        for (const nested of copy.querySelectorAll('ul, ol')) nested.remove();
        return [...(copy.textContent ?? '').matchAll(stray)].map((match) => match[0]);
      });
      return {
        katex: document.querySelectorAll('.prose .katex').length,
        katexErrors: document.querySelectorAll('.prose .katex-error').length,
        rawDollars: [...document.querySelectorAll('.prose p, .prose li')].filter((node) => /\$[^$\s][^$]*\$/.test(node.textContent ?? '') && node.querySelector('code') === null).length,
        clippedCode: overflowing('.prose pre'),
        clippedTables: overflowing('.prose .table-wrap'),
        pageOverflow: document.documentElement.scrollWidth > window.innerWidth,
        spaces,
      };
    }, cjk);
    if (writesMath(locale, slug)) expect(found.katex, `${path} shows its formulas typeset`).toBeGreaterThan(0);
    expect(found.katexErrors, `${path} has no formula KaTeX failed on`).toBe(0);
    expect(found.rawDollars, `${path} shows no raw $…$`).toBe(0);
    expect(found.clippedCode, `${path}: code blocks cut off at 1280 px`).toEqual([]);
    expect(found.clippedTables, `${path}: tables cut off at 1280 px`).toEqual([]);
    expect(found.pageOverflow, `${path} scrolls sideways`).toBe(false);
    if (locale === 'zh-cn') expect(found.spaces, `${path}: spaces between Chinese characters`).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('diagrams are SVG with a title and a description in the page language, and a caption', async () => {
  for (const path of ['/en/01-residual-idea/', '/zh-cn/01-residual-idea/', '/en/02-vanishing-gradients/', '/zh-cn/04-bottleneck/', '/zh-cn/05-resnet-family/']) {
    const { page, errors } = await open(path);
    const diagrams = await page.locator('figure.diagram').evaluateAll((figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const ids = (svg?.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
        return {
          role: svg?.getAttribute('role'),
          label: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | '),
          caption: figure.querySelector('figcaption')?.textContent ?? '',
        };
      }),
    );
    expect(diagrams.length, `${path} has a diagram`).toBeGreaterThan(0);
    for (const diagram of diagrams) {
      expect(diagram.role).toBe('img');
      expect(diagram.label).toMatch(/\S+ \| \S+/);
      expect(diagram.caption).toMatch(/\S/);
      if (path.startsWith('/zh-cn/')) expect(diagram.label + diagram.caption).toMatch(/\p{Script=Han}/u);
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});

describe('search', () => {
  test.each([
    { locale: 'en', query: 'bottleneck', expected: '/en/04-bottleneck/' },
    { locale: 'zh-cn', query: '瓶颈', expected: '/zh-cn/04-bottleneck/' },
    { locale: 'zh-cn', query: '批归一化', expected: '/zh-cn/03-batch-norm/' },
  ])('$locale: "$query" finds $expected, and only pages of that language', async ({ locale, query, expected }) => {
    const { page, errors } = await open('/');
    await page.goto(`${site.url}/${locale}/`);
    await page.locator('.site-header input[type="search"]').fill(query);
    await page.locator('.site-header input[type="search"]').press('Enter');
    await page.waitForURL(`**/${locale}/search/?q=*`);
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor({ timeout: 30_000 });
    const hrefs = await results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain(expected);
    expect(hrefs.every((href) => href.startsWith(`/${locale}/`)), `results in ${locale} only: ${hrefs.join(', ')}`).toBe(true);
    await page.screenshot({ path: join(artifacts, `search-${locale}-${hrefs.length}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('a missing page gets the 404 page in both languages, the asked-for language first', async () => {
  const page = await chromium.context.newPage();
  for (const [path, first, lang] of [
    ['/en/no-such-lesson/', 'en', 'en'],
    ['/zh-cn/no-such-lesson/', 'zh-cn', 'zh-CN'],
  ] as const) {
    const response = await page.goto(`${site.url}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('[data-locale]').evaluateAll((parts) => parts.map((part) => (part as HTMLElement).dataset['locale']))).resolves.toEqual(
      first === 'en' ? ['en', 'zh-cn'] : ['zh-cn', 'en'],
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await expect(page.locator('[data-locale="zh-cn"] h1').textContent()).resolves.toMatch(/\p{Script=Han}/u);
    await expect(page.locator(`[data-locale="${first}"] a[href$="/${first}/"]`).count()).resolves.toBe(1);
  }
  await page.screenshot({ path: join(artifacts, '404-zh-cn.png') });
  await page.close();
});

test('on a phone (390 px) the lesson menu and the contents open from the top of the page', async () => {
  const { page, errors } = await open('/zh-cn/02-vanishing-gradients/', 390);
  await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
  const menu = page.locator('.mobile-lessons');
  await menu.locator('summary').click();
  await expect(menu.locator('a').count()).resolves.toBe(lessonPages().filter((lesson) => lesson.locale === 'zh-cn').length);
  await expect(menu.locator('a[aria-current="page"]').isVisible()).resolves.toBe(true);
  const contents = page.locator('.mobile-toc');
  await contents.locator('summary').click();
  const link = contents.locator('a').nth(1);
  const target = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((hash) => decodeURIComponent(location.hash) === hash, target);
  await expect(page.evaluate((hash) => document.getElementById((hash ?? '').slice(1))?.getBoundingClientRect().top ?? -1, target)).resolves.toBeLessThan(100);
  await page.screenshot({ path: join(artifacts, 'phone-zh-cn-menu.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px').toBe(true);
  // The copy buttons keep their word on one line beside a long file name (复制 broke into two).
  const buttonLines = await page.locator('.copy-code').evaluateAll((buttons) =>
    buttons.map((button) => {
      const text = document.createRange();
      text.selectNodeContents(button);
      return text.getClientRects().length; // one box per line the word takes
    }),
  );
  expect(buttonLines.length).toBeGreaterThan(0);
  expect(buttonLines.every((lines) => lines <= 1), `copy buttons' lines: ${buttonLines.join(', ')}`).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test.each([390, 1280])("the live panel's title wraps, its Run and Stop buttons stay on the title's row (%i px)", async (width) => {
  for (const path of ['/en/02-vanishing-gradients/', '/zh-cn/03-batch-norm/']) {
    const { page } = await open(path, width);
    for (const panel of await page.locator('[data-live]').all()) {
      const title = await panel.locator('.live-title').boundingBox();
      const run = await panel.locator('[data-run]').boundingBox();
      const stop = await panel.locator('[data-stop]').boundingBox();
      expect(title && run && stop, `${path}: the panel has a title, Run and Stop`).toBeTruthy();
      if (!title || !run || !stop) continue;
      expect(Math.abs(stop.y - run.y), `${path}: Stop on Run's row`).toBeLessThan(2);
      expect(run.y, `${path}: the buttons on the title's row`).toBeLessThan(title.y + title.height);
      expect(stop.x + stop.width, `${path}: Stop inside the panel`).toBeLessThanOrEqual(width);
    }
    await page.close();
  }
});

test("a lesson links to the API pages of the names its code imports, which exist; Chinese pages say they are in English", async () => {
  const { page, errors } = await open('/zh-cn/01-residual-idea/');
  const links = await page.locator('.api-used a').evaluateAll((anchors) => anchors.map((anchor) => ({ name: anchor.textContent, href: (anchor as HTMLAnchorElement).href, lang: anchor.getAttribute('hreflang') })));
  expect(links.map((link) => link.name)).toEqual(expect.arrayContaining(['basicBlock', 'conv2d', 'batchNorm', 'add', 'relu']));
  for (const link of links) {
    expect(link.lang).toBe('en');
    expect((await page.request.get(link.href)).status(), link.href).toBe(200);
  }
  await expect(page.locator('.api-used h2').textContent()).resolves.toContain('英文');
  await expect(page.locator('.site-nav a[hreflang="en"]').textContent()).resolves.toContain('英文');
  expect(errors).toEqual([]);
  await page.close();
});

test('the Chinese pages label recorded results in Chinese', async () => {
  const { page } = await open('/zh-cn/06-ablation/');
  const headers = await page.locator('[data-results][data-measured="true"] > .table-wrap th').allTextContents();
  expect(headers.length).toBeGreaterThan(0);
  expect(headers.filter((header) => /^[a-z]+[A-Z]\w*$/.test(header)), 'camelCase field names').toEqual([]);
  expect(headers).toContain('训练损失');
  await page.close();
});
