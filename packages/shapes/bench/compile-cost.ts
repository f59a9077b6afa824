// Compile-cost benchmark (a script, not a timed test): type-checks ResNet-152 written out with
// full literal shapes, a broken variant, and a baseline that only loads the API, with
// `tsc --extendedDiagnostics`; prints time, instantiations and the diagnostics.
//
// Run: npm run bench -w @residual/shapes   (RUNS=5 for more repetitions)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resnetSource, type FixtureKind } from './resnet-source.js';

const here = new URL('.', import.meta.url);
const fixtures = new URL('./fixtures/', here);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const runs = Number(process.env.RUNS ?? 3);
const kinds: FixtureKind[] = ['baseline', 'resnet152', 'resnet152-broken'];

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
  return JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { noEmit: true, declaration: false, declarationMap: false, sourceMap: false }, files: [`${kind}.ts`] }, null, 2);
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
console.log(`${version}, ${runs} runs each; median times; the budget uses CPU time (wall time is noisy on a shared machine)`);
const results = kinds.map((kind) => {
  const samples = Array.from({ length: runs }, () => measure(kind));
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    ...samples[0]!,
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    checkSeconds: median(samples.map((s) => s.checkSeconds)),
    totalSeconds: median(samples.map((s) => s.totalSeconds)),
  };
});
const baseline = results[0]!;
for (const result of results) {
  const added = result === baseline ? '' : `  (+${(result.cpuSeconds - baseline.cpuSeconds).toFixed(2)} s CPU, +${(result.checkSeconds - baseline.checkSeconds).toFixed(2)} s check, +${result.instantiations - baseline.instantiations} instantiations over the baseline)`;
  console.log(`${result.kind.padEnd(18)} CPU ${result.cpuSeconds.toFixed(2)} s, check ${result.checkSeconds.toFixed(2)} s, total ${result.totalSeconds.toFixed(2)} s (wall), ${result.instantiations} instantiations${added}`);
  for (const error of result.errors) console.log(`  ${error}`);
}
const ts2589 = results.some((result) => result.errors.some((error) => error.includes('TS2589')));
const broken = results.find((result) => result.kind === 'resnet152-broken')!;
const clean = results.find((result) => result.kind === 'resnet152')!;
const budget = clean.cpuSeconds - baseline.cpuSeconds < 1 && clean.instantiations - baseline.instantiations < 100_000 && !ts2589;
console.log(`clean fixture errors: ${clean.errors.length}; broken fixture errors: ${broken.errors.length} (expected 1); TS2589: ${ts2589 ? 'yes' : 'no'}; budget ${budget ? 'met' : 'NOT met'}`);
process.exitCode = budget && clean.errors.length === 0 && broken.errors.length === 1 ? 0 : 1;
