import { describe, expect, it } from 'vitest';
import { resnetSpecs } from '@residual/core/model';
import { loadResults } from '../../src/results.js';
import { subsetModels } from './commands.js';
import { subsetNumbers } from './numbers.js';

// What lesson 6 says the recorded subset run cannot show, checked against the data.
describe('lesson 6: the limits of the recorded subset run', () => {
  const accuracy = subsetNumbers();
  const number = (id: string): number => accuracy[id] as number;

  it('every network is still underfitting: test accuracy above the last epoch’s training accuracy', () => {
    for (const model of subsetModels) {
      expect(number(`ablation.subset.${model}TestAccuracy`), model).toBeGreaterThan(number(`ablation.subset.${model}TrainAccuracy`));
    }
  });

  it('the deeper ResNet is behind the shallower one too', () => {
    expect(number('ablation.subset.resnet56TrainAccuracy')).toBeLessThan(number('ablation.subset.resnet20TrainAccuracy'));
  });

  it('was recorded with projection shortcuts (option B): resnet20/56, not the option-A resnet20a/56a', () => {
    const runs = loadResults('ablation-cifar-depth-subset')?.runs ?? [];
    expect(new Set(runs.map((run) => run['model']))).toEqual(new Set(['plain20', 'plain56', 'resnet20', 'resnet56']));
    expect(resnetSpecs.resnet20.shortcut).toBe('projection');
    expect(resnetSpecs.resnet56.shortcut).toBe('projection');
  });
});
