import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CompilerErrorCapture } from '../lesson-data-types.js';
import { typeFiles, type TypedSource } from '../types/type-files.js';

/**
 * Compiles every `bugs/*.ts` with the TypeScript compiler against the real `@residual/core` types
 * (the options of `tsconfigFile`) and captures each file's diagnostics exactly as tsc words them.
 * The compiler is asked once, through {@link typeFiles}: the same pass gives the hover types and
 * inline errors the site shows.
 *
 * @param bugsDir - the `bugs/` folder.
 * @param packageRoot - the package folder; file names in messages are relative to it (`bugs/x.ts`).
 * @param tsconfigFile - the tsconfig whose compiler options apply (its `include` is ignored).
 * @example
 * captureCompilerErrors('…/bugs', '…/lessons', '…/lessons/tsconfig.json')['dropped-shortcut'].diagnostics[0].formatted;
 * // "bugs/dropped-shortcut.ts(14,7): error TS2345: Argument of type …"
 */
export function captureCompilerErrors(bugsDir: string, packageRoot: string, tsconfigFile: string): Record<string, CompilerErrorCapture> {
  return compilerErrorsOf(typeFiles(bugFiles(bugsDir), packageRoot, tsconfigFile));
}

/** The `bugs/*.ts` files of a lessons tree, sorted (none when the folder does not exist). */
export function bugFiles(bugsDir: string): string[] {
  if (!existsSync(bugsDir)) return [];
  return readdirSync(bugsDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(bugsDir, name));
}

/**
 * The `<CompilerError>` captures among typed files: each `bugs/<id>.ts`, its text, regions and
 * diagnostics.
 *
 * @param typed - what {@link typeFiles} returned (other files are skipped).
 * @example
 * compilerErrorsOf(typeFiles(files, root, tsconfig))['dropped-shortcut'].diagnostics;
 */
export function compilerErrorsOf(typed: readonly TypedSource[]): Record<string, CompilerErrorCapture> {
  const captures: Record<string, CompilerErrorCapture> = {};
  for (const { file, diagnostics, slices } of typed) {
    if (!file.startsWith('bugs/')) continue;
    const id = file.replace(/^.*\//, '').replace(/\.ts$/, '');
    const slice = ({ code, lines }: { code: string; lines: number[] }) => ({ text: code, lines });
    const whole = slices[''];
    if (whole === undefined) throw new Error(`compilerErrorsOf: ${file} must have its whole-file slice, but it has none.`);
    const regions = Object.fromEntries(Object.entries(slices).flatMap(([name, typedSlice]) => (name === '' ? [] : [[name, slice(typedSlice)]])));
    captures[id] = { id, file, source: slice(whole), regions, diagnostics };
  }
  return captures;
}
