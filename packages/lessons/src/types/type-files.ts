import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import ts from 'typescript';
import type { NodeError, NodeHover } from 'twoslash-protocol';
import type { CapturedDiagnostic } from '../lesson-data-types.js';
import { listRegions, sliceRegion, type SourceSlice } from '../regions.js';
import { diskLanguageService } from './language-service.js';
import type { TypedFile, TypedSlice } from './typed-slice-types.js';

/** What the compiler says about one file: its diagnostics (as tsc prints them) and its typed slices. */
export interface TypedSource {
  /** Path relative to the package, `/`-separated (`bugs/x.ts`, `examples/01-a/b.ts`). */
  file: string;
  diagnostics: CapturedDiagnostic[];
  /** The whole file (`''`) and each region, with hover types and errors positioned in the slice. */
  slices: TypedFile;
}

/** A hover or an error at a position of the file (0-based line and character). */
type FileNode = (Omit<NodeHover, 'start'> | Omit<NodeError, 'start'>) & { line: number; character: number; length: number };

/**
 * Type-checks files with one TypeScript language service (the options of `tsconfigFile`, against
 * the real `@residual/core` types) and returns, for each, tsc's diagnostics and the type of every
 * identifier — what a reader sees when hovering the code. This is the one place lessons ask the
 * compiler: `<Example>` hovers and `<CompilerError>` messages both come from it.
 *
 * @param files - absolute paths of the files.
 * @param packageRoot - names in messages are relative to it (`bugs/x.ts`).
 * @param tsconfigFile - the tsconfig whose compiler options apply.
 * @example
 * const [bug] = typeFiles(['/…/bugs/x.ts'], '/…/lessons', '/…/lessons/tsconfig.json');
 * bug.diagnostics[0].formatted; // "bugs/x.ts(13,27): error TS2345: …"
 * bug.slices['bug'].nodes; // [{ type: 'hover', text: 'const x: Sym<[number, 32, 32, 64]>', … }, …]
 */
export function typeFiles(files: readonly string[], packageRoot: string, tsconfigFile: string): TypedSource[] {
  const service = diskLanguageService(files, tsconfigFile);
  return files.map((path) => {
    const name = relative(packageRoot, path).split(sep).join('/');
    const source = service.getProgram()?.getSourceFile(path);
    if (source === undefined) throw new Error(`typeFiles: ${name} must be readable by tsc, but the program has no source for it.`);
    const raw = [...service.getSyntacticDiagnostics(path), ...service.getSemanticDiagnostics(path)];
    const diagnostics = raw.map((diagnostic) => capture(diagnostic, name));
    const nodes: FileNode[] = [...hovers(service, source), ...raw.map((diagnostic, index) => errorNode(diagnostic, diagnostics[index] as CapturedDiagnostic, name))];
    const text = readFileSync(path, 'utf8');
    const slices: TypedFile = { '': place(nodes, text, sliceRegion(text, undefined, name)) };
    for (const region of listRegions(text)) slices[region] = place(nodes, text, sliceRegion(text, region, name));
    return { file: name, diagnostics, slices };
  });
}

/** The quick info of every identifier, as an editor shows it on hover (the type, without the docs). */
function hovers(service: ts.LanguageService, source: ts.SourceFile): FileNode[] {
  const found: FileNode[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const start = node.getStart(source);
      const info = service.getQuickInfoAtPosition(source.fileName, start);
      if (info !== undefined) {
        const text = ts.displayPartsToString(info.displayParts);
        const { line, character } = source.getLineAndCharacterOfPosition(start);
        found.push({ type: 'hover', text, target: node.text, line, character, length: node.getWidth(source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function errorNode(diagnostic: ts.Diagnostic, captured: CapturedDiagnostic, name: string): FileNode {
  return {
    type: 'error',
    id: `${name}:${captured.line}:${captured.column}`,
    code: diagnostic.code,
    level: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    text: captured.message,
    filename: name,
    line: captured.line - 1,
    character: captured.column - 1,
    length: diagnostic.length ?? 0,
  };
}

/** Moves file-positioned nodes into a slice (its lines, dedented); nodes outside it are dropped. */
function place(nodes: readonly FileNode[], text: string, slice: SourceSlice): TypedSlice {
  const fileLines = text.replace(/\r\n/g, '\n').split('\n');
  const sliceLines = slice.text.split('\n');
  const starts: number[] = [];
  sliceLines.reduce((offset, line) => (starts.push(offset), offset + line.length + 1), 0);
  const index = new Map(slice.lines.map((fileLine, at) => [fileLine, at]));
  const placed = nodes.flatMap((node) => {
    const at = index.get(node.line + 1);
    if (at === undefined) return [];
    const shown = sliceLines[at] ?? '';
    const cut = (fileLines[node.line]?.length ?? 0) - shown.length;
    const character = node.character - cut;
    if (character < 0) return [];
    const length = Math.max(0, Math.min(node.length, shown.length - character));
    return [{ ...node, line: at, character, length, start: (starts[at] ?? 0) + character } as NodeHover | NodeError];
  });
  return { code: slice.text, lines: slice.lines, nodes: placed };
}

/** A diagnostic as tsc prints it: `bugs/x.ts(12,3): error TS2345: …`. */
function capture(diagnostic: ts.Diagnostic, name: string): CapturedDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const start = diagnostic.file !== undefined && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
  const line = start.line + 1;
  const column = start.character + 1;
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  return { line, column, code: diagnostic.code, message, formatted: `${name}(${line},${column}): ${category} TS${diagnostic.code}: ${message}` };
}
