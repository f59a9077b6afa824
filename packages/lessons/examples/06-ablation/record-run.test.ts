import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadResults } from '../../src/results.js';
import { subset, subsetModels } from './commands.js';
import { subsetNumbers } from './numbers.js';
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

  it('the recorded smoke run has full provenance and both networks', () => {
    const smoke = loadResults('ablation-smoke-sample');
    expect(smoke?.runs.map((run) => `${run['model']}:${run['epoch']}`)).toEqual(['resnet20:1', 'resnet20:2', 'plain20:1', 'plain20:2']);
    for (const run of smoke?.runs ?? []) expect(run.command).toMatch(/^residual train --model (resnet20|plain20) /);
    // the full CIFAR-10 ablations are shown through <Results>: "not yet measured" until recorded
    // (commands.test.ts checks that whatever is recorded ran the lesson's commands)
    const lesson = readFileSync(new URL('../../content/en/06-ablation.mdx', import.meta.url), 'utf8');
    expect(lesson).toContain('<Results id="ablation-cifar-resnet18" />');
    expect(lesson).toContain('<Results id="ablation-cifar-depth" />');
  });

  it('the recorded subset run has every epoch of the four networks', () => {
    const runs = loadResults('ablation-cifar-depth-subset')?.runs ?? [];
    const epochs = Array.from({ length: subset.epochs }, (_, index) => index + 1);
    expect(runs.map((run) => `${run['model']}:${run['epoch']}`)).toEqual(subsetModels.flatMap((model) => epochs.map((epoch) => `${model}:${epoch}`)));
    for (const run of runs) expect(run.dataset).toContain(`${subset.images.toLocaleString('en-US')} train / 10,000 test images`);
  });

  it('the recorded subset run says what the lesson says of it', () => {
    const accuracy = subsetNumbers();
    const train = (model: string): number => accuracy[`ablation.subset.${model}TrainAccuracy`] as number;
    // at both depths the network with shortcuts is ahead of its plain twin, more so at 56 layers
    expect(train('resnet20')).toBeGreaterThan(train('plain20'));
    expect(train('resnet56')).toBeGreaterThan(train('plain56'));
    expect(train('resnet56') - train('plain56')).toBeGreaterThan(train('resnet20') - train('plain20'));
    // the deeper plain network is behind the shallower one; the deeper ResNet is not ahead yet
    expect(train('plain56')).toBeLessThan(train('plain20'));
    expect(train('resnet56')).toBeLessThan(train('resnet20'));
  });
});
