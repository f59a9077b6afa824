import { describe, expect, it } from 'vitest';
import { codeBlocks, commandLines } from './code-blocks.js';

describe('codeBlocks', () => {
  it('finds fenced blocks with their language, line and the not-run marks right before them', () => {
    const markdown = [
      '# Title',
      '',
      '<!-- docs-test: not run "npx residual download": it needs the internet -->',
      '```sh',
      'npx residual download cifar10',
      '```',
      '',
      '```ts',
      'const x = 1;',
      '```',
    ].join('\n');
    expect(codeBlocks(markdown, 'README.md')).toEqual([
      { lang: 'sh', code: 'npx residual download cifar10', line: 4, notRun: [{ prefix: 'npx residual download', reason: 'it needs the internet' }] },
      { lang: 'ts', code: 'const x = 1;', line: 8, notRun: [] },
    ]);
  });

  it('a mark applies to the next block only, and a malformed mark is an error that shows the form', () => {
    const separated = '<!-- docs-test: not run "*": a server -->\n\ntext between\n\n```sh\nnpm start\n```\n';
    expect(codeBlocks(separated, 'README.md')[0]?.notRun).toEqual([]);
    expect(() => codeBlocks('<!-- docs-test: skip this -->\n```sh\nnpm start\n```\n', 'README.md')).toThrow(
      'docs test: a docs-test mark in README.md must read <!-- docs-test: not run "<command prefix or *>": <reason> -->, but got <!-- docs-test: skip this -->.',
    );
  });
});

describe('commandLines', () => {
  it('drops comments and blank lines', () => {
    expect(commandLines('npx residual summary resnet18   # a table\n\n# a note\nnpm test\n')).toEqual(['npx residual summary resnet18', 'npm test']);
  });

  it('joins a command continued with a backslash into one line', () => {
    expect(commandLines('torchrun train.py \\\n  --module m.py \\\n  --steps 2\nnpx residual eval')).toEqual(['torchrun train.py --module m.py --steps 2', 'npx residual eval']);
  });
});
