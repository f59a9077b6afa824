import { describe, expect, test } from 'vitest';
import type { TypedSlice } from '@residual/lessons';
import { highlightTs } from './highlight.js';

describe('highlightTs', () => {
  test('the first block of a page gets the light theme\'s colours too (keywords, names), not the text colour', async () => {
    const html = await highlightTs('const x = input([32, 32, 64]);\nexport const y = 1;');
    // github-light-default (the light theme, chosen for contrast) and github-dark
    expect(html).toContain('<span style="color:#CF222E;--shiki-dark:#F97583">const</span>');
    expect(html).toContain('<span style="color:#0550AE;--shiki-dark:#79B8FF"> x</span>');
    expect(html).not.toContain('color:#1F2328;--shiki-dark:#F97583');
  });

  test("with the compiler's nodes, identifiers carry their type and an error sits under its line", async () => {
    const code = "const x = input([32, 32, 64]);\nconst y: number = 'a';";
    const typed: TypedSlice = {
      code,
      lines: [3, 4],
      nodes: [
        { type: 'hover', text: 'const x: Sym<[number, 32, 32, 64]>', target: 'x', line: 0, character: 6, start: 6, length: 1 },
        { type: 'error', code: 2322, level: 'error', text: "Type 'string' is not assignable to type 'number'.", line: 1, character: 6, start: 37, length: 1 },
      ],
    };
    const html = await highlightTs(code, typed);
    expect(html).toContain('twoslash-hover');
    expect(html).toContain('<span class="twoslash-hover" tabindex="-1">');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toMatch(/twoslash-popup-code[\s\S]*Sym/);
    expect(html).toMatch(/twoslash-error-line[\s\S]*Type &#x27;string&#x27; is not assignable|twoslash-error-line[\s\S]*Type 'string' is not assignable/);
    expect(html).toContain('error-line');
  });

  test('a long type in a popup is flattened to spans: nothing focusable or block-level inside the hidden popup', async () => {
    const code = 'const data = load();';
    const text = 'const data: {\n    x: tf.Tensor4D;\n    labels: tf.Tensor1D;\n}';
    const typed: TypedSlice = { code, lines: [1], nodes: [{ type: 'hover', text, target: 'data', line: 0, character: 6, start: 6, length: 4 }] };
    const html = await highlightTs(code, typed);
    const popup = html.slice(html.indexOf('twoslash-popup-container'));
    expect(popup).toContain('labels');
    expect(popup).not.toContain('<pre');
    expect(popup).not.toContain('tabindex="0"');
    expect(html.match(/<pre/g)).toHaveLength(1);
  });

  test('nodes for another text are refused', async () => {
    await expect(highlightTs('const a = 1;', { code: 'const b = 2;', lines: [1], nodes: [] })).rejects.toThrow('highlightTs: typed.code must be the text being highlighted');
  });
});
