import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Optimizer, type OptimizerConfig } from './optimizer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The update rules of torch.optim.SGD and torch.optim.Adam, written out on plain numbers. */
function reference(config: OptimizerConfig, weights: number[], grads: number[][], lr: number): number[] {
  const w = [...weights];
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  grads.forEach((g, t) => {
    w.forEach((value, i) => {
      const grad = (g[i] ?? 0) + config.weightDecay * value;
      if (config.kind === 'sgd') {
        m[i] = config.momentum * m[i]! + grad;
        const direction = config.nesterov === true ? grad + config.momentum * m[i]! : m[i]!;
        w[i] = value - lr * direction;
      } else {
        m[i] = config.beta1 * m[i]! + (1 - config.beta1) * grad;
        v[i] = config.beta2 * v[i]! + (1 - config.beta2) * grad * grad;
        const mHat = m[i]! / (1 - config.beta1 ** (t + 1));
        const vHat = v[i]! / (1 - config.beta2 ** (t + 1));
        w[i] = value - (lr * mHat) / (Math.sqrt(vHat) + config.epsilon);
      }
    });
  });
  return w;
}

const configs: OptimizerConfig[] = [
  { kind: 'sgd', momentum: 0.9, weightDecay: 1e-4 },
  { kind: 'sgd', momentum: 0.9, weightDecay: 5e-4, nesterov: true },
  { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  { kind: 'adam', beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 1e-2 },
];

describe('Optimizer', () => {
  it.each(configs)('follows the PyTorch update rule: %j', (config) => {
    const start = [0.5, -1.25, 2];
    const grads = [
      [0.1, -0.2, 0.3],
      [0.4, 0.1, -0.5],
      [-0.3, 0.2, 0.05],
    ];
    const variable = tf.variable(tf.tensor1d(start));
    const optimizer = new Optimizer(config, [variable]);
    for (const g of grads) optimizer.apply([tf.tensor1d(g)], 0.05);
    const expected = reference(config, start, grads, 0.05);
    Array.from(variable.dataSync()).forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
    optimizer.dispose();
    variable.dispose();
  });

  it('restores its state: saved after two steps and loaded into a fresh optimiser, the third step is identical', () => {
    for (const config of configs) {
      const run = (restore: boolean) => {
        const variable = tf.variable(tf.tensor1d([1, 2]));
        let optimizer = new Optimizer(config, [variable]);
        optimizer.apply([tf.tensor1d([0.3, -0.1])], 0.1);
        optimizer.apply([tf.tensor1d([0.2, 0.4])], 0.1);
        if (restore) {
          const saved = optimizer.stateTensors().map((slot) => slot.clone());
          const step = optimizer.step;
          optimizer.dispose();
          optimizer = new Optimizer(config, [variable]);
          optimizer.loadState(saved, step);
          tf.dispose(saved);
        }
        optimizer.apply([tf.tensor1d([-0.5, 0.25])], 0.1);
        const result = Array.from(variable.dataSync());
        optimizer.dispose();
        variable.dispose();
        return result;
      };
      expect(run(true)).toEqual(run(false));
    }
  });

  it('refuses state of the wrong length', () => {
    const variable = tf.variable(tf.tensor1d([1]));
    const optimizer = new Optimizer({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 }, [variable]);
    expect(() => optimizer.loadState([tf.tensor1d([0])], 1)).toThrow(
      'Optimizer.loadState: state must have 2 tensors for this adam optimiser, but got 1. The checkpoint was written for another model or optimiser.',
    );
  });

  it.each(configs)('leaves no tensor behind once disposed: %j', (config) => {
    const variable = tf.variable(tf.tensor1d([1, 2, 3]));
    const before = tf.memory().numTensors;
    const optimizer = new Optimizer(config, [variable]);
    const grad = tf.tensor1d([0.1, 0.2, 0.3]);
    optimizer.apply([grad], 0.1);
    grad.dispose();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    variable.dispose();
  });
});
