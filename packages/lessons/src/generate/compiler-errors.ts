import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { CapturedDiagnostic, CompilerErrorCapture } from '../lesson-data-types.js';
import { listRegions, sliceRegion } from '../regions.js';

/**
 * Compiles every `bugs/*.ts` with the TypeScript compiler against the real `@residual/core` types
 * (the options of `tsconfigFile`) and captures each file's diagnostics exactly as tsc words them.
 *
 * @param bugsDir - the `bugs/` folder.
 * @param packageRoot - the package folder; file names in messages are relative to it (`bugs/x.ts`).
 * @param tsconfigFile - the tsconfig whose compiler options apply (its `include` is ignored).
 * @example
 * captureCompilerErrors('…/bugs', '…/lessons', '…/lessons/tsconfig.json')['dropped-shortcut'].diagnostics[0].formatted;
 * // "bugs/dropped-shortcut.ts(14,7): error TS2345: Argument of type …"
 */
export function captureCompilerErrors(bugsDir: string, packageRoot: string, tsconfigFile: string): Record<string, CompilerErrorCapture> {
  if (!existsSync(bugsDir)) return {};
  const files = readdirSync(bugsDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(bugsDir, name));
  if (files.length === 0) return {};
  const program = ts.createProgram(files, { ...compilerOptions(tsconfigFile), noEmit: true });
  const captures: Record<string, CompilerErrorCapture> = {};
  for (const file of files) {
    const name = relative(packageRoot, file).split(sep).join('/');
    const id = name.replace(/^.*\//, '').replace(/\.ts$/, '');
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`captureCompilerErrors: ${name} must be readable by tsc, but the program has no source for it.`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) =>
      capture(diagnostic, name),
    );
    const text = readFileSync(file, 'utf8');
    const regions = Object.fromEntries(listRegions(text).map((region) => [region, sliceRegion(text, region, name)]));
    captures[id] = { id, file: name, source: sliceRegion(text, undefined, name), regions, diagnostics };
  }
  return captures;
}

function compilerOptions(tsconfigFile: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigFile, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) throw new Error(`captureCompilerErrors: ${tsconfigFile} must be a readable tsconfig, but got: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(tsconfigFile, '..'));
  return parsed.options;
}

function capture(diagnostic: ts.Diagnostic, name: string): CapturedDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const start = diagnostic.file !== undefined && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
  const line = start.line + 1;
  const column = start.character + 1;
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  return { line, column, code: diagnostic.code, message, formatted: `${name}(${line},${column}): ${category} TS${diagnostic.code}: ${message}` };
}
