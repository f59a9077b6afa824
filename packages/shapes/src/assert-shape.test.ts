import { describe, expect, test } from 'vitest';
import { assertShape, shapesMatch } from './assert-shape.js';
import { ShapeError } from './shape-error.js';

describe('assertShape', () => {
  test('passes when every known dimension matches', () => {
    expect(() => assertShape('m.predict', 'input', [null, 32, 32, 3], [8, 32, 32, 3])).not.toThrow();
    expect(shapesMatch([null, 32], [null, 32])).toBe(true);
  });

  test('throws a ShapeError worded <api>: <what> must be <expected>, but got <actual>. <fix>', () => {
    const check = () =>
      assertShape('resnet20.predict', 'input', [null, 32, 32, 3], [8, 28, 28, 1], 'Resize the images to 32×32×3.');
    expect(check).toThrow(ShapeError);
    expect(check).toThrow('resnet20.predict: input must be [N, 32, 32, 3], but got [8, 28, 28, 1]. Resize the images to 32×32×3.');
  });

  test('a different rank fails too, with a default fix', () => {
    expect(() => assertShape('f', 'x', [null, 4], [4])).toThrow(
      'f: x must be [N, 4], but got [4]. Reshape or resize the data to the expected shape.',
    );
  });
});

test('shapes of different ranks never match (found by mutation testing)', () => {
  expect(shapesMatch([null, 32], [null, 32, 1])).toBe(false);
  expect(shapesMatch([null, 32, 1], [null, 32])).toBe(false);
});
