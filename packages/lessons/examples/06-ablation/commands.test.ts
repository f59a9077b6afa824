import { describe, expect, it } from 'vitest';
import { modelNames } from '@residual/core';
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
    const runs = loadResults(id)?.runs ?? [];
    expect(new Set(runs.map((run) => run['model']))).toEqual(new Set(commands.map((command) => options(command).get('--model'))));
    for (const run of runs) {
      const shown = commands.find((command) => options(command).get('--model') === run['model']) ?? '';
      expect(decisiveOptions(run.command), `${id}: ${String(run['model'])}`).toEqual(decisiveOptions(shown));
    }
  });
});
