import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const self = relative(repoRoot, fileURLToPath(import.meta.url));

/** Tracked files and new ones not yet added (ignored ones left out), under `folder`. */
function filesUnder(folder: string): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', folder], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && file !== self);
}

const code = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const text = /\.(ts|tsx|mts|cts|js|mjs|cjs|sh|json)$/;

/** Every string literal of a TypeScript or JavaScript file: its module specifiers, paths, and the rest. */
function stringLiterals(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The module specifiers of a file: of its imports and exports, `import(…)`, `require(…)` and `import('…')` types. */
function specifiers(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    }
    const isCall = ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'));
    if (isCall && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Where a path inside the repository is private to a package: its sources or a fixture folder. */
function privateToPackage(path: string): boolean {
  return /^packages\/[^/]+\/(src(\/|$)|(.*\/)?__fixtures__(\/|$))/.test(path);
}

/** The paths a text names that lead into a package: `../packages/…` from `file`'s folder, `packages/…` from the root. */
function packagePaths(file: string, text: string): string[] {
  return [...text.matchAll(/(?:^|[^\w.\/-])((?:\.\.?\/)*packages\/[\w.-]+\/[\w.\/-]*)/g)]
    .map((match) => match[1] ?? '')
    .filter((path) => privateToPackage(path.startsWith('.') ? relative(repoRoot, resolve(repoRoot, dirname(file), path)) : path));
}

/**
 * How a file under tests/ or bench/ reaches into a package: a string of its code (an import, an
 * esbuild entry, a `new URL`) that leads to a package's `src/` or `__fixtures__`, a deep import
 * (`@residual/core/src/…`), or such a path in a shell script or a config. Comments may name a
 * package's sources; code may not use them.
 */
function reachesIntoPackage(file: string, source: string): string[] {
  const texts = code.test(file) ? stringLiterals(file, source) : source.split('\n');
  const found = texts.flatMap((text) => [
    ...packagePaths(file, text).map((path) => `${file} uses ${path}`),
    ...(/^@residual\/[^/]+\/(.*\/)?(src|__fixtures__)(\/|$)/.test(text) ? [`${file} imports ${text}`] : []),
  ]);
  return [...new Set(found)];
}

describe('imports run the way ARCHITECTURE.md draws them', () => {
  it('tests/ and bench/ use packages through their exports maps, never their src/ or __fixtures__', () => {
    const offenders = ['tests', 'bench']
      .flatMap(filesUnder)
      .filter((file) => text.test(file))
      .flatMap((file) => reachesIntoPackage(file, readFileSync(join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('@residual/shapes imports nothing of @residual/core, which depends on it', () => {
    const files = filesUnder('packages/shapes');
    const offenders = files.filter((file) => code.test(file)).flatMap((file) =>
      specifiers(file, readFileSync(join(repoRoot, file), 'utf8'))
        .filter((specifier) => /^@residual\/core(\/|$)/.test(specifier) || (specifier.startsWith('.') && resolve(repoRoot, dirname(file), specifier).startsWith(join(repoRoot, 'packages/core'))))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages/shapes/package.json'), 'utf8')) as Record<string, unknown>;
    const declared = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']
      .filter((field) => Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}).includes('@residual/core'))
      .map((field) => `packages/shapes/package.json declares @residual/core in ${field}`);
    expect(files.length).toBeGreaterThan(0);
    expect([...offenders, ...declared]).toEqual([]);
  });

  it('the check sees what it forbids, and lets comments and public paths be', () => {
    expect(reachesIntoPackage('tests/models/x.test.ts', "import { f } from '../../packages/core/src/testing/compare-kernel.js';")).toEqual([
      'tests/models/x.test.ts uses ../../packages/core/src/testing/compare-kernel.js',
    ]);
    expect(reachesIntoPackage('bench/x.ts', "const harness = await import('../packages/core/src/engine/kernels/__fixtures__/kernel-harness.js');")).toHaveLength(1);
    expect(reachesIntoPackage('bench/x.ts', "build({ entryPoints: ['packages/core/src/cli/entry.ts'] });")).toHaveLength(1);
    expect(reachesIntoPackage('bench/x.ts', "import { a } from '@residual/core/src/model.js';")).toEqual(['bench/x.ts imports @residual/core/src/model.js']);
    expect(reachesIntoPackage('bench/prepare-gpu.sh', 'npx esbuild residual=packages/core/src/cli/entry.ts --bundle')).toEqual([
      'bench/prepare-gpu.sh uses packages/core/src/cli/entry.ts',
    ]);
    expect(reachesIntoPackage('tests/shapes/x.test.ts', "const folder = new URL('./__fixtures__/errors/', import.meta.url);")).toEqual([]);
    expect(reachesIntoPackage('tests/x.test.ts', "// checked against packages/shapes/src/tables\nimport { a } from '@residual/core/testing';")).toEqual([]);
    expect(reachesIntoPackage('tests/x.test.ts', "const bin = join(root, 'packages/core/bin/residual.js');")).toEqual([]);
    expect(specifiers('x.ts', "import a from '@residual/core';\nexport * from './b.js';\nconst c = await import('@residual/core/node');\ntype D = import('@residual/shapes').Shape;")).toEqual([
      '@residual/core',
      './b.js',
      '@residual/core/node',
      '@residual/shapes',
    ]);
  });
});
