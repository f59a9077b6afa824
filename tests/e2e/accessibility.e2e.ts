import { afterAll, beforeAll, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { serveStatic, type StaticSite } from './static-server.js';
import { lessonPages, siteDist } from './site-map.js';

// axe-core (from npm, injected into the page) on every page of the site: no serious or critical
// violation. Moderate and minor findings are printed, not failed on.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const pages = [
  ...['/', '/en/', '/zh-cn/', '/en/guide/', '/zh-cn/guide/', '/en/search/', '/zh-cn/search/', '/api/', '/en/no-such-page/'].map((path) => ({ path, width: 1280 })),
  ...[...lessonPages().map(({ path }) => path), '/en/lab/', '/zh-cn/lab/'].map((path) => ({ path, width: 1280 })),
  ...['/zh-cn/', '/zh-cn/search/', ...lessonPages().map(({ path }) => path), '/en/lab/'].map((path) => ({ path, width: 390 })),
];

test.each(pages)('$path at $width px: no serious or critical accessibility violation (axe-core)', async ({ path, width }) => {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => String(node.target.join(' '))) }));
  });
  const severe = findings.filter((finding: Finding) => finding.impact === 'serious' || finding.impact === 'critical');
  const other = findings.filter((finding: Finding) => !severe.includes(finding));
  if (other.length > 0) console.log(`${path} (${width} px), moderate or minor: ${other.map((finding) => `${finding.id} (${finding.targets.length})`).join(', ')}`);
  expect(severe, `${path}: ${JSON.stringify(severe, null, 1)}`).toEqual([]);
  await page.close();
});
