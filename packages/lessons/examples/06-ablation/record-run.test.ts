import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadResults } from '../../src/results.js';
import { resultLines } from './record-run.js';

const metrics = [
  { kind: 'run', command: 'residual train --model resnet20', commit: 'abc', backend: 'wasm', device: 'cpu', date: '2026-01-01', dataset: 'sample', model: 'resnet20' },
  { kind: 'epoch', epoch: 1, trainLoss: 2.123456, trainAccuracy: 0.2, testLoss: 2.2, testAccuracy: 0.25, seconds: 10.6 },
  { kind: 'epoch', epoch: 2, trainLoss: 1.9, trainAccuracy: 0.3, testLoss: 2.0, testAccuracy: 0.3, seconds: 9.2 },
].map((record) => JSON.stringify(record)).join('\n');

describe('lesson 6: recording runs', () => {
  it('turns metrics.jsonl into one line per epoch with the run provenance', () => {
    const lines = resultLines(metrics, 'fixture');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ model: 'resnet20', epoch: 1, trainLoss: 2.1235, seconds: 11, commit: 'abc', backend: 'wasm', dataset: 'sample' });
  });

  it('refuses metrics without provenance', () => {
    expect(() => resultLines('{"kind":"epoch","epoch":1}', 'runs/x')).toThrow('resultLines: runs/x must contain a "run" line');
  });

  it('the recorded smoke run has full provenance and both networks, and nothing else is recorded', () => {
    const smoke = loadResults('ablation-smoke-sample');
    expect(smoke?.runs.map((run) => `${run['model']}:${run['epoch']}`)).toEqual(['resnet20:1', 'resnet20:2', 'plain20:1', 'plain20:2']);
    for (const run of smoke?.runs ?? []) expect(run.command).toMatch(/^residual train --model (resnet20|plain20) /);
    // the full CIFAR-10 ablations have not run: the lesson must show "not yet measured"
    expect(loadResults('ablation-cifar-resnet18')).toBeUndefined();
    expect(loadResults('ablation-cifar-depth')).toBeUndefined();
    expect(readFileSync(new URL('../../content/en/06-ablation.mdx', import.meta.url), 'utf8')).toContain('<Results id="ablation-cifar-resnet18" />');
  });
});
