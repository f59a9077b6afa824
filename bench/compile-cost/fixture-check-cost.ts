// Measures what checking one fixture file costs, in process with the TypeScript API: a fresh
// program per run, then the semantic check of that file alone (the API's own sources are only
// read as far as the file needs them, as a user of the built package with skipLibCheck sees it).
import { performance } from 'node:perf_hooks';
import ts from 'typescript';

/** CPU and wall seconds of the fastest run, the instantiations, the diagnostics. */
export interface FixtureCost {
  cpuSeconds: number;
  wallSeconds: number;
  instantiations: number;
  diagnostics: string[];
}

/** Checks `file` (with the options of `tsconfigPath`) `runs` times; the fastest run counts. */
export function fixtureCheckCost(tsconfigPath: string, file: string, runs: number): FixtureCost {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
    },
  });
  if (parsed === undefined) throw new Error(`fixtureCheckCost: ${tsconfigPath} must parse, but it did not.`);
  let best: FixtureCost = { cpuSeconds: Number.POSITIVE_INFINITY, wallSeconds: Number.POSITIVE_INFINITY, instantiations: 0, diagnostics: [] };
  for (let run = 0; run < runs; run++) {
    const program = ts.createProgram({ rootNames: [file], options: parsed.options });
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`fixtureCheckCost: ${file} must exist, but it was not found.`);
    program.getTypeChecker(); // bind every file before the clock starts
    const before = program.getInstantiationCount();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const diagnostics = program.getSemanticDiagnostics(source);
    const wallSeconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (cpuSeconds < best.cpuSeconds) {
      best = {
        cpuSeconds,
        wallSeconds: Math.min(wallSeconds, best.wallSeconds),
        instantiations: program.getInstantiationCount() - before,
        diagnostics: diagnostics.map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`),
      };
    } else {
      best.wallSeconds = Math.min(wallSeconds, best.wallSeconds);
    }
  }
  return best;
}
