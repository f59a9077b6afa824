/**
 * @residual/ts-plugin — a TypeScript language-service plugin. Where a Residual shape error says
 * `use shortcut: 'projection'`, your editor offers the quick fix that sets it. Add it to
 * tsconfig.json and use the workspace's TypeScript in your editor:
 *
 * ```json
 * { "compilerOptions": { "plugins": [{ "name": "@residual/ts-plugin" }] } }
 * ```
 *
 * @packageDocumentation
 */
import type * as TS from 'typescript';
import { fixName, shortcutFixes } from './shortcut-fixes.js';

/**
 * The plugin's factory, as tsserver calls it: it wraps the project's language service and adds the
 * shortcut fixes to `getCodeFixesAtPosition`; everything else passes through.
 *
 * @param modules - tsserver's modules (`typescript`).
 * @example
 * // tsserver: require('@residual/ts-plugin')({ typescript }).create(info)
 */
function init(modules: { typescript: typeof TS }): TS.server.PluginModule {
  const ts = modules.typescript;
  return {
    create(info) {
      const service = info.languageService;
      const proxy = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(service) as Array<keyof TS.LanguageService>) {
        const member = service[key];
        proxy[key] = typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(service) : member;
      }
      const withShortcutFixes: TS.LanguageService['getCodeFixesAtPosition'] = (fileName, start, end, errorCodes, formatOptions, preferences) => {
        const prior = service.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
        const source = service.getProgram()?.getSourceFile(fileName);
        if (source === undefined) return prior;
        const ours = service
          .getSemanticDiagnostics(fileName)
          .filter((diagnostic) => errorCodes.includes(diagnostic.code) && diagnostic.start !== undefined && diagnostic.start <= end && diagnostic.start + (diagnostic.length ?? 0) >= start)
          .flatMap((diagnostic) =>
            shortcutFixes(ts, source, { start: diagnostic.start ?? 0, length: diagnostic.length ?? 0, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') }),
          )
          .map(
            (fix): TS.CodeFixAction => ({
              fixName,
              description: fix.description,
              changes: [{ fileName, textChanges: [{ span: { start: fix.edit.start, length: fix.edit.length }, newText: fix.edit.newText }] }],
            }),
          );
        return [...ours, ...prior];
      };
      proxy['getCodeFixesAtPosition'] = withShortcutFixes;
      return proxy as unknown as TS.LanguageService;
    },
  };
}

export = init;
