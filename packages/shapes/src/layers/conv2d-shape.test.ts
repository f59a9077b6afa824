import { describe, expect, test } from 'vitest';
import { ShapeError } from '../shape-error.js';
import { conv2dOutputShape, pool2dOutputShape } from './conv2d-shape.js';

describe('conv2dOutputShape', () => {
  test('computes [N, H′, W′, filters] with per-axis options', () => {
    expect(conv2dOutputShape([null, 224, 224, 3], { filters: 64, kernelSize: 7, strides: 2, padding: 3 })).toEqual([null, 112, 112, 64]);
    expect(conv2dOutputShape([4, 32, 32, 3], { filters: 16, kernelSize: [3, 5], strides: [1, 2] })).toEqual([4, 30, 14, 16]);
  });

  test('throws the same words as the type-level errors', () => {
    expect(() => conv2dOutputShape([null, 5, 5, 3], { filters: 64, kernelSize: 7 })).toThrow(
      "shape error: conv2d: kernel 7×7 must fit the input, but got [N,5,5,3] with padding 'valid' — use padding 'same', a smaller kernelSize or a larger input",
    );
    expect(() => conv2dOutputShape([null, 784], { filters: 8, kernelSize: 3 })).toThrow(
      'shape error: conv2d: input must be rank 4 [N,H,W,C], but got [N,784] — pass a batch of feature maps, NHWC',
    );
    expect(() => conv2dOutputShape([null, 32, 32, 3], { filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(ShapeError);
    expect(() => conv2dOutputShape([null, 32, null, 3], { filters: 8, kernelSize: 3 })).toThrow(
      'shape error: conv2d: input height and width must be known, but got [N,32,?,3] — give input() the image size',
    );
  });
});

describe('pool2dOutputShape', () => {
  test('strides default to the pool size; channels stay', () => {
    expect(pool2dOutputShape([null, 32, 32, 16], { poolSize: 2 })).toEqual([null, 16, 16, 16]);
    expect(pool2dOutputShape([null, 112, 112, 64], { poolSize: 3, strides: 2, padding: 1 }, 'maxPool2d')).toEqual([null, 56, 56, 64]);
    expect(pool2dOutputShape([null, 8, 8, null], { poolSize: 2 })).toEqual([null, 4, 4, null]); // unknown channels stay unknown
  });

  test('numeric padding is at most half the pool size (PyTorch)', () => {
    expect(() => pool2dOutputShape([null, 112, 112, 64], { poolSize: 3, strides: 2, padding: 2 }, 'maxPool2d')).toThrow(
      'shape error: maxPool2d: padding must be at most half the pool size, but got padding 2 for poolSize 3×3 — use padding ≤ 1',
    );
  });
});

describe('windows are checked axis by axis (found by mutation testing)', () => {
  test('a stride on one axis and a dilation on the other is refused, in the words of the types', () => {
    expect(() => conv2dOutputShape([null, 9, 9, 1], { filters: 1, kernelSize: 3, strides: [1, 2], dilationRate: [2, 1] })).toThrow(
      'shape error: conv2d: strides or dilationRate must be 1 (TF.js), but got strides 1×2 and dilationRate 2×1 — use a stride or a dilation, not both',
    );
    expect(() => conv2dOutputShape([null, 9, 9, 1], { filters: 1, kernelSize: 3, strides: [2, 1], dilationRate: [1, 2] })).toThrow(ShapeError);
    expect(conv2dOutputShape([null, 9, 9, 1], { filters: 1, kernelSize: 3, dilationRate: [1, 2] })).toEqual([null, 7, 5, 1]);
    expect(conv2dOutputShape([null, 9, 9, 1], { filters: 1, kernelSize: 3, strides: [1, 2] })).toEqual([null, 7, 4, 1]);
  });

  test('each axis takes its own kernel size, and only that axis must fit', () => {
    expect(conv2dOutputShape([null, 5, 9, 1], { filters: 2, kernelSize: [3, 7] })).toEqual([null, 3, 3, 2]);
    expect(() => conv2dOutputShape([null, 5, 9, 1], { filters: 2, kernelSize: [7, 3] })).toThrow(
      "shape error: conv2d: kernel 7×3 must fit the input, but got [N,5,9,1] with padding 'valid' — use padding 'same', a smaller kernelSize or a larger input",
    );
  });

  test("numeric padding counts on both sides, exactly; 'same' always fits", () => {
    expect(conv2dOutputShape([null, 5, 5, 1], { filters: 1, kernelSize: 7, padding: 1 })).toEqual([null, 1, 1, 1]); // 5 + 2 = 7
    expect(() => conv2dOutputShape([null, 4, 4, 1], { filters: 1, kernelSize: 7, padding: 1 })).toThrow(
      'shape error: conv2d: kernel 7×7 must fit the input, but got [N,4,4,1] with padding 1 — use padding',
    );
    expect(conv2dOutputShape([null, 2, 2, 1], { filters: 1, kernelSize: 7, padding: 'same' })).toEqual([null, 2, 2, 1]);
  });

  test("a pool's padding is at most half its smaller side, and the message names the default api", () => {
    expect(pool2dOutputShape([null, 8, 8, 4], { poolSize: 2, padding: 1 })).toEqual([null, 5, 5, 4]);
    expect(pool2dOutputShape([null, 8, 8, 4], { poolSize: [3, 2], padding: 1 })).toEqual([null, 3, 5, 4]); // ⌊(8 + 2 − 3)/3⌋ + 1, ⌊(8 + 2 − 2)/2⌋ + 1
    expect(() => pool2dOutputShape([null, 8, 8, 4], { poolSize: [3, 1], padding: 1 })).toThrow(
      'shape error: pool2d: padding must be at most half the pool size, but got padding 1 for poolSize 3×1 — use padding ≤ 0',
    );
  });
});
