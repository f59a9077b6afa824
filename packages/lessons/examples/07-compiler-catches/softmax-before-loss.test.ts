import { plain20, resnet20 } from '@residual/core/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { doubleSoftmaxFloor, gradientRatio, outputActivation } from './softmax-before-loss.js';

beforeAll(useCpuBackend);

describe('lesson 7: softmax before cross-entropy', () => {
  it('puts a floor under the loss: log(e + K − 1) − 1 instead of 0 for a perfect classifier', () => {
    expect(doubleSoftmaxFloor(10)).toBeCloseTo(Math.log(Math.E + 9) - 1, 5);
    expect(doubleSoftmaxFloor(2)).toBeCloseTo(Math.log(Math.E + 1) - 1, 5);
  });

  it('shrinks the gradient that reaches the logits', () => {
    expect(gradientRatio(1)).toBeLessThan(0.5);
    expect(gradientRatio(2)).toBeLessThan(0.5);
  });

  it('the models end in a linear layer: they return logits, as crossEntropy expects', () => {
    for (const build of [resnet20, plain20]) {
      const model = build({ seed: 0 });
      try {
        expect(outputActivation(model)).toBe('linear');
      } finally {
        model.dispose();
      }
    }
  });
});
