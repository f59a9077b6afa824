import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { playgroundOptions } from '../components/playground/compiler-options.js';

/** What the playground's compiler reads: `.d.ts` and `package.json` files by their path in its virtual file system. */
export interface PlaygroundTypes {
  /** `/lib.es2023.d.ts`, `/node_modules/@residual/core/dist/index.d.ts`, `/node_modules/@residual/core/package.json`, … */
  files: Record<string, string>;
}

/** The compiler options of the playground (browser worker and this build step alike). */
const playgroundCompilerOptions = playgroundOptions(ts);

/** The package.json fields module resolution reads. */
const packageFields = ['name', 'version', 'type', 'types', 'typings', 'main', 'module', 'exports', 'typesVersions'];

/**
 * Every declaration file the compiler reads for `import … from '@residual/core'` — the package's own
 * `.d.ts` files (its `dist/`, built by `npm run build -w @residual/core`), those of `@residual/shapes`
 * and TF.js that they import, and TypeScript's `lib` files — keyed by their path in the playground
 * worker's virtual file system. Found by asking the compiler itself, so nothing is listed by hand.
 *
 * @param siteDir - the site folder (module resolution starts there).
 * @example
 * const { files } = playgroundTypes(process.cwd());
 * Object.keys(files).includes('/node_modules/@residual/core/dist/index.d.ts'); // true
 */
export function playgroundTypes(siteDir: string): PlaygroundTypes {
  const coreDir = dirname(realpathSync(createRequire(join(siteDir, 'package.json')).resolve('@residual/core/package.json')));
  if (!existsSync(join(coreDir, 'dist/index.d.ts'))) {
    throw new Error(
      `playgroundTypes: @residual/core's declarations must be built in ${join(coreDir, 'dist')}, but index.d.ts was not found. ` +
        'Build it with `npm run build -w @residual/core` (turbo does it before the site build).',
    );
  }
  const entry = join(siteDir, '__playground-entry__.ts');
  const host = ts.createCompilerHost(playgroundCompilerOptions);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === entry ? ts.createSourceFile(file, "import '@residual/core';", language) : readSource(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === entry || fileExists(file);
  const program = ts.createProgram({ rootNames: [entry], options: playgroundCompilerOptions, host });
  const libDir = dirname(ts.getDefaultLibFilePath(playgroundCompilerOptions));
  const files: Record<string, string> = {};
  for (const source of program.getSourceFiles()) {
    if (source.fileName === entry) continue;
    if (dirname(source.fileName) === libDir) {
      files[`/${basename(source.fileName)}`] = source.text;
      continue;
    }
    const real = realpathSync(source.fileName);
    const packageDir = packageRoot(real);
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const name = String(manifest['name']);
    files[`/node_modules/${name}/${relative(packageDir, real).split(sep).join('/')}`] = source.text;
    files[`/node_modules/${name}/package.json`] ??= JSON.stringify(Object.fromEntries(packageFields.flatMap((field) => (field in manifest ? [[field, manifest[field]]] : []))));
  }
  const resolved = program.getSourceFiles().some((source) => realpathSync(source.fileName) === join(coreDir, 'dist/index.d.ts'));
  if (!resolved) throw new Error(`playgroundTypes: '@residual/core' must resolve to ${join(coreDir, 'dist/index.d.ts')}, but the compiler did not read it.`);
  return { files };
}

/** The nearest folder above a file that has a package.json with a name. */
function packageRoot(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && typeof (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'string') return dir;
  }
  throw new Error(`playgroundTypes: ${file} must belong to a package with a package.json, but none was found above it.`);
}
