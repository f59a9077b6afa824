import { describe, expect, test } from 'vitest';
import { compileMdxFile } from './compile-mdx.js';
import { joinCjkLineBreaks } from './join-cjk-lines.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('joinCjkLineBreaks', () => {
  test('joins a break between Chinese characters and full-width marks', () => {
    expect(joinCjkLineBreaks('可在 2015 年，事情偏偏就是这样发生了。\n本课沿着')).toBe('可在 2015 年，事情偏偏就是这样发生了。本课沿着');
    expect(joinCjkLineBreaks('批量，\n  就把')).toBe('批量，就把');
    expect(joinCjkLineBreaks('普通（“plain”）\n卷积')).toBe('普通（“plain”）卷积');
    expect(joinCjkLineBreaks('训练集上也如此，\n（论文图 1）')).toBe('训练集上也如此，（论文图 1）');
  });
  test('keeps a break next to Latin text or digits, where a space belongs', () => {
    expect(joinCjkLineBreaks('deeper\nnetworks')).toBe('deeper\nnetworks');
    expect(joinCjkLineBreaks('论文\nResNet')).toBe('论文\nResNet');
    expect(joinCjkLineBreaks('ResNet\n论文')).toBe('ResNet\n论文');
    expect(joinCjkLineBreaks('共\n56 层')).toBe('共\n56 层');
    expect(joinCjkLineBreaks('the “quote”\nand')).toBe('the “quote”\nand');
  });
});

describe('in the MDX pipeline', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'residual-cjk-'));
  test('a Chinese paragraph wrapped in the source renders without stray spaces; code keeps its breaks', async () => {
    const file = join(scratch, 'zh.mdx');
    writeFileSync(file, '---\ntitle: 标题\n---\n\n这就是这样发生了。\n本课沿着论文的思路，\n再把残差块写成代码。\n\n```text\n第一行\n第二行\n```\n');
    const lesson = await compileMdxFile(file, { data: null, relativeTo: scratch });
    // esbuild writes non-ASCII text as \u escapes.
    const code = lesson.code.replace(/\\u([0-9A-F]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    expect(code).toContain('"这就是这样发生了。本课沿着论文的思路，再把残差块写成代码。"');
    expect(code).toContain('第一行\n第二行');
    rmSync(scratch, { recursive: true, force: true });
  });
});
