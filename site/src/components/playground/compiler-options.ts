import type * as TS from 'typescript';

/**
 * The playground's compiler options: strict, ES2022 with the DOM, `@residual/core` resolved like a
 * bundler does (its package.json `exports`, `types` condition). The build step that gathers the
 * declaration files (`lib/playground-types.ts`) uses the same.
 *
 * @param ts - the TypeScript module.
 * @example
 * createVirtualTypeScriptEnvironment(system, ['/main.ts'], ts, playgroundOptions(ts));
 */
export function playgroundOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    strict: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  };
}
