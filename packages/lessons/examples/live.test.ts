import { describe, expect, it } from 'vitest';
import { liveExampleList } from '../src/live-registry.js';
import { liveExamples } from './live.js';

describe('the live example registry', () => {
  it('keys every example by its own id, ids unique', () => {
    const list = liveExampleList(liveExamples);
    expect(list.map((example) => example.id)).toEqual(Object.keys(liveExamples));
    for (const example of list) expect(typeof example.run).toBe('function');
    expect(Object.keys(liveExamples).sort()).toEqual(['ablation-tiny', 'bn-modes', 'grad-norms', 'identity-start']);
  });

  it('imports nothing Node-only (the site bundles it for the browser)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = new URL('.', import.meta.url).pathname;
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('numbers.ts') && !file.includes('_tmp'));
    for (const file of sources) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/from 'node:|@residual\/core\/node|@residual\/lessons\/node/);
    }
  });
});
