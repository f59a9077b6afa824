/// <reference lib="webworker" />
// The playground's TypeScript compiler, in a web worker: a language service over one file
// (/main.ts) and @residual/core's own declaration files, fetched once from the site.
import ts from 'typescript';
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from '@typescript/vfs';
import { shortcutFixes } from '@residual/ts-plugin/fixes';
import type { FromWorker, PlaygroundDiagnostic, ToWorker } from './worker-protocol.js';
import { playgroundOptions } from './compiler-options.js';

const file = '/main.ts';
let env: Promise<VirtualTypeScriptEnvironment> | undefined;
/** Only the newest text is checked: a check still waiting when a newer one arrives is dropped. */
let pending: { version: number; code: string } | undefined;
let checking = false;

const post = (message: FromWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'init') env ??= start(message.typesUrl);
  else if (message.kind === 'check') {
    pending = { version: message.version, code: message.code };
    void drain();
  } else if (message.kind === 'hover') void hover(message.id, message.code, message.position);
  else if (message.kind === 'transpile') {
    const { outputText } = ts.transpileModule(message.code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    post({ kind: 'transpiled', id: message.id, js: outputText });
  }
};

async function start(typesUrl: string): Promise<VirtualTypeScriptEnvironment> {
  const started = performance.now();
  const response = await fetch(typesUrl);
  if (!response.ok) throw new Error(`playground: ${typesUrl} must serve the declaration files, but got HTTP ${response.status}.`);
  const { files } = (await response.json()) as { files: Record<string, string> };
  const map = new Map(Object.entries(files));
  map.set(file, '\n'); // not empty: the file system treats '' as missing
  const created = createVirtualTypeScriptEnvironment(createSystem(map), [file], ts, playgroundOptions(ts));
  post({ kind: 'ready', ms: performance.now() - started, files: map.size });
  return created;
}

async function drain(): Promise<void> {
  if (checking || env === undefined) return;
  checking = true;
  try {
    const environment = await env;
    while (pending !== undefined) {
      const { version, code } = pending;
      pending = undefined;
      const started = performance.now();
      post({ kind: 'diagnostics', version, diagnostics: check(environment, code), ms: performance.now() - started });
      // Let a newer check that arrived meanwhile replace anything still queued.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    checking = false;
  }
}

function update(environment: VirtualTypeScriptEnvironment, code: string): void {
  if (environment.getSourceFile(file)?.text !== code) environment.updateFile(file, code === '' ? '\n' : code);
}

function check(environment: VirtualTypeScriptEnvironment, code: string): PlaygroundDiagnostic[] {
  update(environment, code);
  const service = environment.languageService;
  const source = environment.getSourceFile(file);
  const raw = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)];
  return raw.map((diagnostic) => {
    const from = diagnostic.start ?? 0;
    const to = from + (diagnostic.length ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const position = source?.getLineAndCharacterOfPosition(from) ?? { line: 0, character: 0 };
    const fixes = source === undefined ? [] : shortcutFixes(ts, source, { start: from, length: to - from, message });
    return {
      from,
      to,
      line: position.line + 1,
      column: position.character + 1,
      code: diagnostic.code,
      severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      message,
      fixes: fixes.map((fix) => ({ title: fix.description, shortcut: fix.shortcut, edit: fix.edit })),
    };
  });
}

async function hover(id: number, code: string, position: number): Promise<void> {
  if (env === undefined) return post({ kind: 'hover', id, text: null, from: position, to: position });
  const environment = await env;
  update(environment, code);
  const info = environment.languageService.getQuickInfoAtPosition(file, position);
  post({
    kind: 'hover',
    id,
    text: info === undefined ? null : ts.displayPartsToString(info.displayParts),
    from: info?.textSpan.start ?? position,
    to: (info?.textSpan.start ?? position) + (info?.textSpan.length ?? 0),
  });
}
