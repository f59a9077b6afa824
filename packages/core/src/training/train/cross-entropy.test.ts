import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { countCorrect, crossEntropy } from './cross-entropy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** −Σ target·log softmax, in float64 with the log-sum-exp trick. */
function reference(logits: number[][], labels: number[], smoothing: number): number {
  const losses = logits.map((row, n) => {
    const max = Math.max(...row);
    const logSum = max + Math.log(row.reduce((sum, value) => sum + Math.exp(value - max), 0));
    return -row.reduce((sum, value, k) => sum + ((k === labels[n] ? 1 - smoothing : 0) + smoothing / row.length) * (value - logSum), 0);
  });
  return losses.reduce((a, b) => a + b, 0) / losses.length;
}

describe('crossEntropy', () => {
  const logits = [
    [2, -1, 0.5],
    [0.1, 0.2, 3],
    [-2, 4, 1],
  ];
  const labels = [0, 2, 0];

  it('matches −mean log softmax[label], with and without label smoothing', () => {
    for (const smoothing of [0, 0.1]) {
      const loss = crossEntropy(tf.tensor2d(logits), tf.tensor1d(labels, 'int32'), smoothing).dataSync()[0]!;
      expect(loss).toBeCloseTo(reference(logits, labels, smoothing), 5);
    }
  });

  it('stays finite for confident logits, where softmax-then-log would give log(0)', () => {
    const huge = [[1000, -1000, 0]];
    const loss = crossEntropy(tf.tensor2d(huge), tf.tensor1d([1], 'int32')).dataSync()[0]!;
    expect(loss).toBeCloseTo(2000, 2);
    const naive = -Math.log(tf.softmax(tf.tensor2d(huge)).dataSync()[1]!);
    expect(naive).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts rows whose largest logit is the label', () => {
    const expected = logits.filter((row, n) => row.indexOf(Math.max(...row)) === labels[n]).length; // rows 0 and 1
    expect(countCorrect(tf.tensor2d(logits), tf.tensor1d(labels, 'int32')).dataSync()[0]).toBe(expected);
  });
});
