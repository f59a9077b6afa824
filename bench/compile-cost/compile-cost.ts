// Compile-cost benchmark (a script, not a timed test): type-checks ResNet-152 written out with
// full literal shapes, a broken variant, and a baseline that only loads the API, with
// `tsc --extendedDiagnostics`; prints time, instantiations and the diagnostics.
//
// Run: npm run bench:compile-cost   (RUNS=9 for more repetitions; the fastest run counts)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fixtureCheckCost } from './fixture-check-cost.js';
import { resnetSource, type FixtureKind } from './resnet-source.js';

const here = new URL('.', import.meta.url);
const fixtures = new URL('./fixtures/', here);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const runs = Number(process.env.RUNS ?? 3);
const kinds: FixtureKind[] = ['baseline', 'resnet152', 'resnet152-broken', 'resnet152-builder'];

interface Measure {
  kind: FixtureKind;
  /** CPU seconds (user + system) of the whole tsc process: steadier than wall time on a busy machine */
  cpuSeconds: number;
  checkSeconds: number;
  totalSeconds: number;
  instantiations: number;
  errors: string[];
}

function tsconfig(kind: FixtureKind): string {
  return JSON.stringify({ extends: '../../../tsconfig.base.json', compilerOptions: { noEmit: true, declaration: false, declarationMap: false, sourceMap: false }, files: [`${kind}.ts`] }, null, 2);
}

function measure(kind: FixtureKind): Measure {
  const project = new URL(`tsconfig.${kind}.json`, fixtures).pathname;
  // Report the process's CPU time on exit (tsc is single-threaded).
  const report = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`cpu ${(u.user + u.system) / 1e6}\\n`); });";
  const child = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, tsc, '-p', project, '--extendedDiagnostics', '--pretty', 'false'], { encoding: 'utf8' });
  const output = child.stdout;
  const number = (label: string): number => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1] ?? Number.NaN);
  return {
    kind,
    cpuSeconds: Number(/^cpu ([\d.]+)/m.exec(child.stderr)?.[1] ?? Number.NaN),
    checkSeconds: number('Check time'),
    totalSeconds: number('Total time'),
    instantiations: number('Instantiations'),
    errors: output.split('\n').filter((line) => line.includes('error TS')),
  };
}

mkdirSync(fixtures, { recursive: true });
for (const kind of kinds) {
  writeFileSync(new URL(`${kind}.ts`, fixtures), resnetSource(kind));
  writeFileSync(new URL(`tsconfig.${kind}.json`, fixtures), `${tsconfig(kind)}\n`);
}

const version = execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).trim();
console.log(`${version}, ${runs} runs each, fastest run. Whole program (tsc --extendedDiagnostics, checks @residual/core's sources too):`);
const results = kinds.map((kind) => {
  const samples = Array.from({ length: runs }, () => measure(kind));
  // The fastest run is the one least disturbed by other work on the machine.
  const fastest = (values: number[]): number => Math.min(...values);
  return {
    ...samples[0]!,
    cpuSeconds: fastest(samples.map((s) => s.cpuSeconds)),
    checkSeconds: fastest(samples.map((s) => s.checkSeconds)),
    totalSeconds: fastest(samples.map((s) => s.totalSeconds)),
  };
});
const baseline = results[0]!;
for (const result of results) {
  const added = result === baseline ? '' : `  (+${(result.cpuSeconds - baseline.cpuSeconds).toFixed(2)} s CPU, +${(result.checkSeconds - baseline.checkSeconds).toFixed(2)} s check, +${result.instantiations - baseline.instantiations} instantiations over the baseline)`;
  console.log(`${result.kind.padEnd(18)} CPU ${result.cpuSeconds.toFixed(2)} s, check ${result.checkSeconds.toFixed(2)} s, total ${result.totalSeconds.toFixed(2)} s (wall), ${result.instantiations} instantiations${added}`);
  for (const error of result.errors) console.log(`  ${error}`);
}
// The budget: what checking the fixture file itself adds, measured in process (fastest of
// `runs`), so that the cost of the API's own sources and of loading TF.js's types is left out.
console.log('\nchecking the fixture file alone (TypeScript API, fastest run):');
const alone = kinds.map((kind) => {
  const cost = fixtureCheckCost(new URL(`tsconfig.${kind}.json`, fixtures).pathname, new URL(`${kind}.ts`, fixtures).pathname, runs);
  console.log(`${kind.padEnd(18)} CPU ${cost.cpuSeconds.toFixed(3)} s, wall ${cost.wallSeconds.toFixed(3)} s, ${cost.instantiations} instantiations, ${cost.diagnostics.length} diagnostics`);
  return { kind, ...cost };
});
const aloneBaseline = alone[0]!;
const aloneClean = alone[1]!;
const aloneBroken = alone[2]!;
const aloneBuilder = alone[3]!;
const addedCpu = aloneClean.cpuSeconds - aloneBaseline.cpuSeconds;
const addedInstantiations = aloneClean.instantiations - aloneBaseline.instantiations;
const ts2589 = [...results.flatMap((result) => result.errors), ...alone.flatMap((cost) => cost.diagnostics)].some((text) => text.includes('TS2589'));
const budget = addedCpu < 1 && addedInstantiations < 100_000 && !ts2589;
console.log(
  `ResNet-152 with literal shapes adds ${addedCpu.toFixed(3)} s CPU and ${addedInstantiations} instantiations; ` +
    `clean fixture errors: ${aloneClean.diagnostics.length}; broken fixture errors: ${aloneBroken.diagnostics.length} (expected 1); ` +
    `resnet152() typed by the library adds ${(aloneBuilder.cpuSeconds - aloneBaseline.cpuSeconds).toFixed(3)} s CPU and ${aloneBuilder.instantiations - aloneBaseline.instantiations} instantiations (errors: ${aloneBuilder.diagnostics.length}); ` +
    `TS2589: ${ts2589 ? 'yes' : 'no'}; budget (< 1 s, < 100,000 instantiations, no TS2589) ${budget ? 'met' : 'NOT met'}`,
);
process.exitCode = budget && aloneClean.diagnostics.length === 0 && aloneBroken.diagnostics.length === 1 && aloneBuilder.diagnostics.length === 0 ? 0 : 1;
