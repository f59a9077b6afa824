// Compiles fixture files with the TypeScript compiler API, with the settings of tests/tsconfig.json,
// and returns their diagnostics as one line each: what a reader sees from tsc.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One tsc diagnostic: file name (base), 1-based line, code, the flattened message. */
export interface FixtureDiagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/** Type-checks `files` (absolute paths) in one program and returns every diagnostic. */
export function compileFixtures(files: readonly string[]): FixtureDiagnostic[] {
  const configPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`compileFixtures: ${configPath} must parse, but it did not.`);
  const program = ts.createProgram({ rootNames: [...files], options: parsed.options });
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`compileFixtures: ${file} must exist, but it was not found.`);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => ({
      file: file.split('/').at(-1) ?? file,
      line: diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    }));
  });
}
