import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { modelNames } from '@residual/core/model';
import { loadResults } from '../../src/results.js';
import { paperExperiment, shortcutAblation, smokeRun, subsetRun, trainCommand } from './commands.js';

/** The `--name value` options of a `residual train` command (flags without a value map to ''). */
function options(command: string): Map<string, string> {
  const words = command.split(/\s+/);
  const found = new Map<string, string>();
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (word.startsWith('--')) found.set(word, next === undefined || next.startsWith('--') ? '' : next);
  });
  return found;
}

/** Options that only say where files are, or when to stop between epochs: they do not change the numbers. */
const placeOnly = new Set(['--data', '--out', '--max-minutes']);

/** The options of a command that decide its numbers: all but {@link placeOnly}. */
function decisiveOptions(command: string): Record<string, string> {
  return Object.fromEntries([...options(command)].filter(([name]) => !placeOnly.has(name)));
}

/** What is wrong with runs recorded for `commands`: a model missing or extra, or other decisive options. */
function recordingProblems(runs: readonly { command: string; [field: string]: unknown }[], commands: readonly string[]): string[] {
  const problems: string[] = [];
  const recorded = new Set(runs.map((run) => run['model']));
  for (const command of commands) {
    const model = options(command).get('--model');
    if (!recorded.has(model)) problems.push(`${model} is not recorded`);
  }
  for (const run of runs) {
    const shown = commands.find((command) => options(command).get('--model') === run['model']);
    if (shown === undefined) problems.push(`${String(run['model'])} is recorded, but the lesson shows no command for it`);
    else if (!isDeepStrictEqual(decisiveOptions(run.command), decisiveOptions(shown))) problems.push(`${String(run['model'])}: "${run.command}" is not "${shown}"`);
  }
  return problems;
}

describe('lesson 6: the ablation commands', () => {
  it('name registered models and the paper recipe', () => {
    for (const command of [...shortcutAblation, ...paperExperiment, ...smokeRun, ...subsetRun]) {
      const model = /--model (\S+)/.exec(command)?.[1] ?? '';
      expect(modelNames).toContain(model);
      expect(command.startsWith('residual train ')).toBe(true);
    }
    expect(trainCommand('resnet20')).toContain('--schedule step --weight-decay 1e-4');
  });

  it.each([
    ['ablation-smoke-sample', smokeRun],
    ['ablation-cifar-depth-subset', subsetRun],
  ] as const)('%s was recorded with the commands the lesson shows', (id, commands) => {
    const recorded = loadResults(id);
    expect(recorded, id).toBeDefined();
    expect(recordingProblems(recorded?.runs ?? [], commands)).toEqual([]);
  });

  it.each([
    ['ablation-cifar-resnet18', shortcutAblation],
    ['ablation-cifar-depth', paperExperiment],
  ] as const)('%s (full CIFAR-10) is not recorded yet, or recorded with the commands the lesson shows', (id, commands) => {
    const recorded = loadResults(id); // undefined: the lesson shows "not yet measured"
    if (recorded !== undefined) expect(recordingProblems(recorded.runs, commands)).toEqual([]);
  });

  it('the check finds a missing model, an extra one and a changed recipe', () => {
    const run = (command: string) => ({ command, model: options(command).get('--model') });
    expect(recordingProblems(paperExperiment.map(run), paperExperiment)).toEqual([]);
    const moved = paperExperiment.map((command) => run(command.replace('--data data/cifar10', '--data /elsewhere').replace(/--out \S+/, '--out /tmp/x')));
    expect(recordingProblems(moved, paperExperiment)).toEqual([]); // where files are does not change the numbers
    const [first, ...rest] = paperExperiment;
    expect(recordingProblems(rest.map(run), paperExperiment)).toEqual(['plain20 is not recorded']);
    expect(recordingProblems([...paperExperiment, trainCommand('resnet110')].map(run), paperExperiment)).toEqual([
      'resnet110 is recorded, but the lesson shows no command for it',
    ]);
    const changed = (first ?? '').replace('--lr 0.1', '--lr 0.2');
    expect(recordingProblems([changed, ...rest].map(run), paperExperiment)).toEqual([`plain20: "${changed}" is not "${first}"`]);
  });
});
