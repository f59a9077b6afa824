import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ts from 'typescript';

/**
 * A TypeScript language service over files on disk, with the compiler options of a tsconfig (its
 * `include` is ignored: the given files are the program's roots). One program serves every file,
 * so the library's types are checked once for all of them.
 *
 * @param files - absolute paths of the root files.
 * @param tsconfigFile - the tsconfig whose compiler options apply.
 * @example
 * const service = diskLanguageService(['/…/bugs/x.ts'], '/…/lessons/tsconfig.json');
 * service.getSemanticDiagnostics('/…/bugs/x.ts');
 */
export function diskLanguageService(files: readonly string[], tsconfigFile: string): ts.LanguageService {
  const options = { ...compilerOptions(tsconfigFile), noEmit: true };
  const snapshots = new Map<string, ts.IScriptSnapshot | undefined>();
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...files],
    getScriptVersion: () => '1',
    getScriptSnapshot(file) {
      if (!snapshots.has(file)) snapshots.set(file, ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(readFileSync(file, 'utf8')) : undefined);
      return snapshots.get(file);
    },
    getCurrentDirectory: () => dirname(tsconfigFile),
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (file) => ts.sys.fileExists(file),
    readFile: (file) => ts.sys.readFile(file),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (dir) => ts.sys.directoryExists(dir),
    getDirectories: (dir) => ts.sys.getDirectories(dir),
    realpath: (file) => ts.sys.realpath?.(file) ?? file,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

function compilerOptions(tsconfigFile: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigFile, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) {
    throw new Error(`diskLanguageService: ${tsconfigFile} must be a readable tsconfig, but got: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  }
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfigFile)).options;
}
