import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureData, fixtureDirs } from '../__fixtures__/fixture-tree.js';
import { compileLesson } from '../compile-lesson.js';
import { compileMdxFile } from './compile-mdx.js';

const scratch = mkdtempSync(join(tmpdir(), 'residual-mdx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Compiles MDX text from a scratch file named `bad.mdx`, checked against the fixture data. */
function compile(body: string) {
  const file = join(scratch, 'bad.mdx');
  writeFileSync(file, `---\ntitle: T\n---\n\n${body}\n`);
  return compileMdxFile(file, { data: fixtureData, relativeTo: scratch });
}

describe('compileLesson', () => {
  test('compiles the fixture lesson: code, front matter, headings with ids, outline', async () => {
    const lesson = await compileLesson('en', '01-sample', { dirs: fixtureDirs, data: fixtureData });
    expect(lesson.code).toContain('Component');
    expect(lesson.frontmatter.title).toBe('A sample lesson');
    expect(lesson.headings.map((heading) => [heading.depth, heading.id])).toEqual([
      [2, 'the-code'],
      [2, 'run-it'],
      [2, 'recorded'],
      [2, 'exercises'],
    ]);
    expect(lesson.outline.components.map((use) => use.name)).toEqual(['Example', 'Num', 'Live', 'DataTable', 'CompilerError', 'Results', 'Results', 'Exercise', 'Answer']);
    expect(lesson.outline.components[0]?.props).toEqual({ file: '01-sample/hello.ts', region: 'count' });
    expect(lesson.outline.sections[0]).toEqual({ heading: '', numbers: ['2', '1'] });
  });

  test('a lesson missing in a language says how to create it', async () => {
    await expect(compileLesson('zh-cn', '09-nothing', { dirs: fixtureDirs, data: null })).rejects.toThrow(
      'compileLesson: the lesson must exist as content/zh-cn/09-nothing.mdx, but it was not found. Create it with `npm run new-lesson -w @residual/lessons -- <slug>`.',
    );
  });
});

describe('compileMdxFile rejects what the site cannot render, naming file and line', () => {
  test('an unknown component', async () => {
    await expect(compile('Hello <Chart id="x" />')).rejects.toThrow(
      'compileMdxFile: bad.mdx must use only known components with valid references, but it has 1 problem:\n' +
        '  bad.mdx:5:7 <Chart> is not a lesson component; use one of <Example>, <Num>, <DataTable>, <Live>, <CompilerError>, <Results>, <Diagram>, <Exercise>, <Answer>',
    );
  });
  test('missing, unknown and non-literal props', async () => {
    const error = await compile('<Num />\n\n<Live id="sample-live" size="big" />\n\n<Num id={"x"} />').catch((caught: Error) => caught.message);
    expect(error).toContain('bad.mdx:5:1 <Num> needs id="…"');
    expect(error).toContain('bad.mdx:7:1 <Live> has no prop "size"; it takes id');
    expect(error).toContain('bad.mdx:9:1 <Num id> must be a literal string (id="…"), but got an expression');
  });
  test('references the build did not produce', async () => {
    const error = await compile(
      '<Num id="sample.nope" />\n\n<Example file="01-sample/hello.ts" region="missing" />\n\n<Live id="nope" />\n\n<CompilerError id="gone" />\n\n<Num id="sample.table" />\n\n<Diagram id="resnet-block" />',
    ).catch((caught: Error) => caught.message);
    expect(error).toContain('has 6 problems');
    expect(error).toContain('bad.mdx:15 <Diagram id="resnet-block"> must be one of residual-block, bottleneck, gradient-paths, family-stages, but it is not');
    expect(error).toContain('bad.mdx:5 <Num id="sample.nope"> must be produced by an examples/*/numbers.ts, but no numbers() returned it (did you mean one of: sample.params, sample.table?)');
    expect(error).toContain('bad.mdx:7 <Example file="01-sample/hello.ts" region="missing"> must name a region of the file, but it has count');
    expect(error).toContain('bad.mdx:9 <Live id="nope"> must be registered in examples/live.ts, but it is not (registered: sample-live)');
    expect(error).toContain('bad.mdx:11 <CompilerError id="gone"> must name a file bugs/gone.ts, but it was not found');
    expect(error).toContain('bad.mdx:13 <Num id="sample.table"> must name a number or string, but it is a table: use <DataTable id="sample.table" />');
  });
  test('an answer outside an exercise, and imports', async () => {
    const error = await compile('import x from "./x.js";\n\n<Answer>42</Answer>').catch((caught: Error) => caught.message);
    expect(error).toContain('bad.mdx:5:1 lessons must not use import/export');
    expect(error).toContain('bad.mdx:7:1 <Answer> must sit inside <Exercise>');
  });
  test('front matter without a title', async () => {
    const file = join(scratch, 'untitled.mdx');
    writeFileSync(file, 'No front matter.\n');
    await expect(compileMdxFile(file, { data: null, relativeTo: scratch })).rejects.toThrow('untitled.mdx:1:1 front matter must have a title');
  });
  test('invalid MDX names the file', async () => {
    await expect(compile('<Exercise>\nunclosed')).rejects.toThrow(/^compileMdxFile: bad\.mdx must be valid MDX, but it failed to compile:/);
  });
  test('structure-only checks (data: null) accept unknown ids', async () => {
    const file = join(scratch, 'ok.mdx');
    writeFileSync(file, '---\ntitle: T\n---\n\n<Num id="anything" />\n');
    await expect(compileMdxFile(file, { data: null })).resolves.toMatchObject({ frontmatter: { title: 'T' } });
  });
});

describe('math', () => {
  test('$…$ and $$…$$ are typeset by KaTeX at build time, as HTML and MathML', async () => {
    const lesson = await compile('Inline $H(x) = F(x) + x$ and a display:\n\n$$\n\\frac{\\partial a^{[l+2]}}{\\partial a^{[l]}} = \\frac{\\partial F}{\\partial a^{[l]}} + I\n$$');
    expect(lesson.code).toContain('katex');
    expect(lesson.code).toMatch(/className:"katex-display",tabIndex:"0"/);
    expect(lesson.code).toMatch(/annotation,\{encoding:"application\/x-tex",children:"H\(x\) = F\(x\) \+ x"/);
    expect(lesson.code).toMatch(/math,\{xmlns:"http:\/\/www.w3.org\/1998\/Math\/MathML"/);
  });
  test('math counts for the parity check like prose: its numbers are in the section', async () => {
    const lesson = await compile('$0.9^{22}$ and $$\nk = 22\n$$');
    expect(lesson.outline.sections[0]?.numbers).toEqual(['0.9', '22', '22']);
  });
  test('a formula KaTeX cannot typeset fails the build with its line', async () => {
    await expect(compile('Text.\n\n$\\frac{1}{$ and $1 训练$')).rejects.toThrow(/bad\.mdx:7:\d+ math must be valid KaTeX, but KaTeX parse error: .*\. Balance the braces, use TeX commands, and put words in \\text\{…\}/);
    await expect(compile('$n \\cdot 训练$')).rejects.toThrow(/bad\.mdx:5:1 math must be valid KaTeX, but KaTeX parse error: LaTeX-incompatible input and strict mode is set to 'error': Unicode text character "训" used in math mode/);
  });
});
