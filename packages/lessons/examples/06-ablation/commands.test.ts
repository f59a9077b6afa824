import { describe, expect, it } from 'vitest';
import { modelNames } from '@residual/core';
import { paperExperiment, seedsExperiment, smokeRun, trainCommand } from './commands.js';

describe('lesson 6: the ablation commands', () => {
  it('name registered models and the paper recipe', () => {
    for (const command of [...seedsExperiment, ...paperExperiment, ...smokeRun]) {
      const model = /--model (\S+)/.exec(command)?.[1] ?? '';
      expect(modelNames).toContain(model);
      expect(command.startsWith('residual train ')).toBe(true);
    }
    expect(trainCommand('resnet20')).toContain('--schedule step --weight-decay 1e-4');
  });
});
