import { describe, expect, it } from 'vitest';
import { renderConfusionSvg } from './confusion-svg.js';
import { formatConfusion, perClassAccuracy } from './per-class.js';

const confusion = [
  [3, 1, 0],
  [0, 0, 0],
  [2, 0, 12],
];
const names = ['cat', 'dog', 'horse'];

describe('per-class accuracy and the confusion matrix', () => {
  it('reads each class from its row: n/a for a class the split does not hold', () => {
    expect(perClassAccuracy(confusion, names)).toEqual([
      { className: 'cat', accuracy: 0.75, count: 4 },
      { className: 'dog', accuracy: null, count: 0 },
      { className: 'horse', accuracy: 12 / 14, count: 14 },
    ]);
    expect(() => perClassAccuracy(confusion, ['cat', 'dog'])).toThrow(
      'perClassAccuracy: the confusion matrix must be K×K with one class name per row, but got 3 rows of 3, 3, 3 and 2 names. Pass evaluate\'s confusion with the model\'s class names.',
    );
  });

  it('prints a table and the matrix with aligned columns', () => {
    expect(formatConfusion(confusion, names)).toEqual([
      '  class  accuracy  images',
      '0 cat     75.00 %       4',
      '1 dog         n/a       0',
      '2 horse   85.71 %      14',
      'confusion matrix (rows: true class, columns: predicted class)',
      '          0   1   2',
      '0 cat     3   1   0',
      '1 dog     0   0   0',
      '2 horse   2   0  12',
    ]);
  });

  it('draws one shaded cell per pair, the counts and each class accuracy', () => {
    const svg = renderConfusionSvg(confusion, names, 'resnet20 <test>');
    expect([...svg.matchAll(/<rect x=/g)].length).toBe(9);
    expect(svg).toContain('resnet20 &lt;test&gt;');
    for (const text of ['>12</text>', '>75.0 %</text>', '>n/a</text>', '>horse</text>']) expect(svg).toContain(text);
  });
});
