import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The real thing: the package is built as users get it, then a tsserver process loads it through a
// project's tsconfig.json ("plugins"), as VS Code's TypeScript does.
const packageRoot = join(__dirname, '..');
const require = createRequire(__filename);
const typescriptLib = join(require.resolve('typescript'), '..');
const bug = [
  "import { basicBlock, input } from '@residual/core';",
  '',
  'const x = input([32, 32, 64]); // [N, 32, 32, 64]',
  'export const y = basicBlock(x, { filters: 128, strides: 2 });',
  '',
].join('\n');

let project: string;
let server: TsServer;

beforeAll(() => {
  execFileSync(process.execPath, [join(typescriptLib, 'tsc.js'), '-p', join(packageRoot, 'tsconfig.build.json')], { stdio: 'inherit' });
  project = mkdtempSync(join(packageRoot, '.tsserver-test-'));
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    customConditions: ['@residual/source'],
    strict: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
    plugins: [{ name: '@residual/ts-plugin' }],
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['model.ts'] }));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(join(project, 'model.ts'), bug);
  server = startTsServer();
}, 120_000);

afterAll(() => {
  server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test('tsserver offers the fix the shape error names, and the fixed file has no error', async () => {
  const file = join(project, 'model.ts');
  await server.request('open', { file, fileContent: bug, projectRootPath: project });
  const diagnostics = (await server.request('semanticDiagnosticsSync', { file })) as Array<{ start: Position; end: Position; text: string; code: number }>;
  expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([2345]);
  expect(diagnostics[0]?.text).toContain("use shortcut: 'projection'");
  const [diagnostic] = diagnostics;
  const fixes = (await server.request('getCodeFixes', {
    file,
    startLine: diagnostic?.start.line,
    startOffset: diagnostic?.start.offset,
    endLine: diagnostic?.end.line,
    endOffset: diagnostic?.end.offset,
    errorCodes: [2345],
  })) as Array<{ fixName: string; description: string; changes: Array<{ textChanges: Array<{ start: Position; end: Position; newText: string }> }> }>;
  const ours = fixes.filter((fix) => fix.fixName === 'residualShortcut');
  expect(ours.map((fix) => fix.description)).toEqual(["Use shortcut: 'projection'"]);
  const fixed = applyTextChanges(bug, ours[0]?.changes[0]?.textChanges ?? []);
  expect(fixed).toContain("basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' })");
  await server.request('close', { file });
  await server.request('open', { file, fileContent: fixed, projectRootPath: project });
  await expect(server.request('semanticDiagnosticsSync', { file })).resolves.toEqual([]);
}, 120_000);

interface Position {
  line: number;
  offset: number;
}

/** Applies tsserver's 1-based line/offset edits to a text. */
function applyTextChanges(text: string, changes: ReadonlyArray<{ start: Position; end: Position; newText: string }>): string {
  const lines = text.split('\n');
  const at = ({ line, offset }: Position) => lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + offset - 1;
  return [...changes].sort((a, b) => at(b.start) - at(a.start)).reduce((result, change) => result.slice(0, at(change.start)) + change.newText + result.slice(at(change.end)), text);
}

interface TsServer {
  request(command: string, args: object): Promise<unknown>;
  close(): void;
}

/** A tsserver process speaking its JSON protocol over stdio. */
function startTsServer(): TsServer {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(typescriptLib, 'tsserver.js'), '--disableAutomaticTypingAcquisition'], { stdio: 'pipe' });
  const waiting = new Map<number, { resolve(body: unknown): void; reject(error: Error): void }>();
  let buffer = Buffer.alloc(0);
  let seq = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString()) as { type: string; request_seq?: number; success?: boolean; message?: string; body?: unknown };
      buffer = buffer.subarray(header + 4 + length);
      if (message.type !== 'response' || message.request_seq === undefined) continue;
      const pending = waiting.get(message.request_seq);
      waiting.delete(message.request_seq);
      if (message.success) pending?.resolve(message.body);
      else pending?.reject(new Error(`tsserver: ${message.message ?? 'request failed'}`));
    }
  });
  return {
    request(command, args) {
      seq += 1;
      const done = new Promise<unknown>((resolve, reject) => waiting.set(seq, { resolve, reject }));
      child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
      return done;
    },
    close: () => child.kill(),
  };
}
