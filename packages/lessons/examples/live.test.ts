import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLiveExamples } from '../src/live-registry.js';
import { knobDefault, parseKnobValue } from '../src/live-settings.js';
import { loadUiStrings } from '../src/ui-strings.js';
import { liveExamples } from './live.js';

describe('the live example registry', () => {
  it('keys every example by its own id', async () => {
    const list = await loadLiveExamples(liveExamples);
    expect(list.map((example) => example.id)).toEqual(Object.keys(liveExamples));
    for (const example of list) expect(typeof example.run).toBe('function');
    expect(Object.keys(liveExamples).sort()).toEqual(['ablation-tiny', 'bn-modes', 'fold-speed', 'grad-norms', 'identity-start', 'init-scale', 'lesion-slice', 'preact-gradients']);
  });

  it('imports nothing Node-only, directly or through its relative imports (the site bundles it)', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs'|path'|@residual\/core\/node|@residual\/lessons\/node)/);
      for (const [, path] of text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)\.js'/g)) visit(join(dirname(file), `${path}.ts`));
    };
    visit(fileURLToPath(new URL('./live.ts', import.meta.url)));
    expect(seen.size).toBeGreaterThan(5);
  });

  it('every knob has a default within its range, a label in both languages, and labelled options', async () => {
    const ui = [loadUiStrings('en'), loadUiStrings('zh-cn')];
    for (const example of await loadLiveExamples(liveExamples)) {
      for (const knob of example.knobs ?? []) {
        for (const size of ['small', 'full'] as const) expect(parseKnobValue(knob, String(knobDefault(knob, size))), `${example.id}.${knob.key}`).toEqual(knobDefault(knob, size));
        const labels = [knob.key, ...(knob.kind === 'choice' ? knob.options.map(String) : [])];
        for (const strings of ui) for (const label of labels) expect(strings.strings[`live.text.${label}`], `live.text.${label} in ui/${strings.locale}.json`).toBeDefined();
      }
    }
  });
});
