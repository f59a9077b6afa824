import ts from 'typescript';

/** One name a file imports from a Residual package, e.g. `{ module: '@residual/core', name: 'basicBlock' }`. */
export interface LibraryImport {
  /** The package entry point as imported: `@residual/core`, `@residual/core/node`, `@residual/shapes`. */
  module: string;
  /** The exported name (before any `as`). */
  name: string;
}

/**
 * The names a TypeScript file imports from Residual's own packages (`@residual/*`), values and
 * types alike, in the order they appear, each once. The site links a lesson to the API pages of
 * these names.
 *
 * @param text - the file's source text.
 * @example
 * libraryImports("import { basicBlock, type ShapeOf } from '@residual/core';");
 * // [{ module: '@residual/core', name: 'basicBlock' }, { module: '@residual/core', name: 'ShapeOf' }]
 */
export function libraryImports(text: string): LibraryImport[] {
  const source = ts.createSourceFile('example.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: LibraryImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (!module.startsWith('@residual/')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      if (!found.some((seen) => seen.module === module && seen.name === name)) found.push({ module, name });
    }
  }
  return found;
}
