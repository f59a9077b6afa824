import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ExampleText } from '../lesson-data-types.js';
import { extractRegion, listRegions } from '../regions.js';

/**
 * Every example file's text (test files excluded), keyed by its path under `examples/` with `/`
 * separators, with each `// #region` cut out and dedented.
 *
 * @param examplesDir - the `examples/` folder.
 * @example
 * exampleTexts('…/examples')['04-bottleneck/param-counts.ts'].regions.count;
 */
export function exampleTexts(examplesDir: string): Record<string, ExampleText> {
  const texts: Record<string, ExampleText> = {};
  for (const file of sourceFiles(examplesDir)) {
    const key = relative(examplesDir, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    const regions = Object.fromEntries(listRegions(text).map((name) => [name, extractRegion(text, name, `examples/${key}`)]));
    texts[key] = { text: extractRegion(text, undefined, key), regions };
  }
  return texts;
}

/** `.ts`/`.tsx` files under a folder, sorted, without tests. */
export function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
      return /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name) ? [path] : [];
    });
}
