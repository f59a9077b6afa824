// Every code example in the READMEs and ARCHITECTURE.md runs, so the docs cannot drift from the code:
// TypeScript blocks are type-checked together and each runs through tsx; shell blocks' `npx residual`
// commands run in order in a fresh folder per file, with long ones shortened only by options that
// `residual <command> --help` documents. Any other command must be marked in the doc, right before
// its block: <!-- docs-test: not run "<command prefix, or * for the block>": <reason> -->.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cifar10SampleDir } from '@residual/cifar10-sample';
import { readCifar10 } from '@residual/core/node';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { commandLines, readDocs, type CodeBlock, type DocFile } from './code-blocks.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const extracted = join(here, '.extracted');
const bin = join(root, 'packages/core/bin/residual.js');
const docs: DocFile[] = await readDocs(root);

const typescript = new Set(['ts', 'typescript']);
const shell = new Set(['sh', 'bash', 'shell']);

/**
 * Documented options that make a command quick, added when the doc's command does not set them:
 * a few real images (`--limit`), small batches, few steps.
 */
const shorteners: Readonly<Record<string, readonly string[]>> = {
  train: ['--limit', '64', '--batch-size', '32'],
  eval: ['--limit', '64'],
  bench: ['--batch-size', '4', '--warmup', '1'],
};

function shortened(args: readonly string[]): string[] {
  const extra = shorteners[args[0] ?? ''] ?? [];
  const added: string[] = [];
  for (let i = 0; i < extra.length; i += 2) {
    const [flag = '', value = ''] = [extra[i], extra[i + 1]];
    if (!args.includes(flag)) added.push(flag, value);
  }
  return [...args, ...added];
}

const blockName = (file: DocFile, block: CodeBlock) => `${file.path}:${block.line}`;
const fileName = (file: DocFile, block: CodeBlock) => `${file.path.replace(/[^a-zA-Z0-9]+/g, '-')}-${block.line}.ts`;
const tsBlocks = docs.flatMap((file) => file.blocks.filter((block) => typescript.has(block.lang)).map((block) => ({ file, block })));

describe('TypeScript examples', () => {
  it('type-check as written', async () => {
    await rm(extracted, { recursive: true, force: true });
    await mkdir(extracted, { recursive: true });
    for (const { file, block } of tsBlocks) await writeFile(join(extracted, fileName(file, block)), `${block.code}\n`);
    // Examples declare what they show (a type alias, an unused result): only unused-name checks are relaxed.
    const tsconfig = { extends: '../../tsconfig.json', compilerOptions: { noUnusedLocals: false, noUnusedParameters: false }, include: ['*.ts'], exclude: [] };
    await writeFile(join(extracted, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', join(extracted, 'tsconfig.json'), '--noEmit'], { cwd: root }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(result.stdout).toBe('');
    expect((await readdir(extracted)).length).toBe(tsBlocks.length + 1);
  });

  it.each(tsBlocks.map(({ file, block }) => [blockName(file, block), file, block] as const))('%s runs through tsx', async (_, file, block) => {
    const path = join(extracted, fileName(file, block));
    await writeFile(path, `${block.code}\n`);
    const result = await run(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', path], { cwd: root, timeout: 120_000 });
    expect(result.stderr.replace(/\n?=+\nHi, looks like you are running TensorFlow\.js in Node\.js[^=]*=+\n?/, '')).toBe('');
  });
});

/** Two real CIFAR-10 test images (a cat and a dog), for commands that classify image files. */
async function writeImages(dir: string, names: readonly string[]): Promise<void> {
  const data = await readCifar10(cifar10SampleDir);
  const labels = Array.from(data.test.labels);
  for (const [index, name] of names.entries()) {
    const at = labels.indexOf(index % 2 === 0 ? 3 : 5); // cat, dog
    const rgba = Buffer.alloc(32 * 32 * 4, 255);
    for (let pixel = 0; pixel < 32 * 32; pixel++) {
      for (let channel = 0; channel < 3; channel++) rgba[pixel * 4 + channel] = data.test.images[at * 3072 + pixel * 3 + channel] ?? 0;
    }
    const bytes = name.endsWith('.png')
      ? PNG.sync.write(Object.assign(new PNG({ width: 32, height: 32 }), { data: rgba }))
      : jpeg.encode({ data: rgba, width: 32, height: 32 }, 95).data;
    await writeFile(join(dir, name), bytes);
  }
}

describe('examples in languages this test cannot run', () => {
  // Python runs in tests/interop against Debian's PyTorch; a Python block in the docs says where, or why not.
  const other = docs.flatMap((file) => file.blocks.filter((block) => ['python', 'py', 'js', 'javascript'].includes(block.lang)).map((block) => ({ file, block })));
  it.each(other.map(({ file, block }) => [blockName(file, block), block] as const))('%s is marked as not run, with a reason', (_, block) => {
    expect(block.notRun.map((mark) => mark.prefix)).toContain('*');
  });
});

describe('shell examples', () => {
  const files = docs.filter((file) => file.blocks.some((block) => shell.has(block.lang)));
  it.each(files.map((file) => [file.path, file] as const))('%s: every command runs or is marked as not run', async (_, file) => {
    const work = await mkdtemp(join(tmpdir(), 'residual-docs-'));
    try {
      for (const block of file.blocks.filter((candidate) => shell.has(candidate.lang))) {
        const used = new Set<string>();
        for (const line of commandLines(block.code)) {
          const mark = block.notRun.find((candidate) => candidate.prefix === '*' || line.startsWith(candidate.prefix));
          if (mark !== undefined) {
            used.add(mark.prefix);
            continue;
          }
          const where = `${file.path}:${block.line}: ${line}`;
          expect(line.startsWith('npx residual '), `${where} must be an npx residual command or be marked as not run`).toBe(true);
          expect(/["'|;&<>$`]/.test(line), `${where} must be a plain command (no quotes, pipes or chains) to run here`).toBe(false);
          const args = shortened(line.split(/\s+/).slice(2));
          const images = args.filter((arg) => /\.(png|jpe?g)$/.test(arg));
          if (images.length > 0) await writeImages(work, images);
          const result = await run(process.execPath, [bin, ...args], { cwd: work, timeout: 170_000 }).catch((error: { code?: number; stderr?: string }) => ({
            stdout: '',
            stderr: `exit ${String(error.code)}: ${error.stderr ?? String(error)}`,
          }));
          expect(result.stderr.startsWith('exit '), `${where} failed: ${result.stderr}`).toBe(false);
        }
        for (const mark of block.notRun) expect(used.has(mark.prefix), `${file.path}:${block.line}: the mark "${mark.prefix}" matches no command`).toBe(true);
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 600_000);
});
