import { describe, expect, test } from 'vitest';
import { convOutputSize, effectiveKernelSize } from './output-size.js';

describe('convOutputSize', () => {
  test('follows TensorFlow for same/valid and PyTorch for numeric padding', () => {
    expect(convOutputSize(224, { kernelSize: 7, stride: 2, padding: 3 })).toBe(112); // ResNet stem
    expect(convOutputSize(112, { kernelSize: 3, stride: 2, padding: 1 })).toBe(56); // stem max-pool
    expect(convOutputSize(7, { kernelSize: 3, stride: 2, padding: 'same' })).toBe(4); // ceil(7/2)
    expect(convOutputSize(7, { kernelSize: 3, stride: 2, padding: 'valid' })).toBe(3); // floor(4/2)+1
    expect(convOutputSize(32, { kernelSize: 3 })).toBe(30); // defaults: stride 1, 'valid'
    expect(convOutputSize(32, { kernelSize: 3, padding: 0, dilation: 2 })).toBe(28); // K' = 5
  });

  test('effectiveKernelSize is D(K-1)+1', () => {
    expect(effectiveKernelSize(3)).toBe(3);
    expect(effectiveKernelSize(3, 2)).toBe(5);
    expect(effectiveKernelSize(7, 3)).toBe(19);
  });

  test('rejects a window larger than the padded input, naming both sizes', () => {
    expect(() => convOutputSize(5, { kernelSize: 7 })).toThrow(
      "convOutputSize: the window must fit the padded input, but got kernel 7 > 5. Use padding 'same', a smaller kernel or a larger input.",
    );
    expect(() => convOutputSize(5, { kernelSize: 7, padding: 'same' })).not.toThrow();
  });

  test('rejects sizes that are not whole numbers', () => {
    expect(() => convOutputSize(0, { kernelSize: 1 })).toThrow('convOutputSize: size must be an integer ≥ 1, but got 0. Pass a whole number.');
    expect(() => convOutputSize(8, { kernelSize: 3, stride: 1.5 })).toThrow('convOutputSize: stride must be an integer ≥ 1, but got 1.5.');
    expect(() => convOutputSize(8, { kernelSize: 3, padding: -1 })).toThrow('convOutputSize: padding must be an integer ≥ 0, but got -1.');
  });
});

test('the window error names the kernel and the padded size (found by mutation testing)', () => {
  expect(() => convOutputSize(2, { kernelSize: 7, padding: 2 })).toThrow('convOutputSize: the window must fit the padded input, but got kernel 7 > 6.');
  expect(() => convOutputSize(2, { kernelSize: 3, padding: 'valid', dilation: 2 })).toThrow('but got kernel 5 > 2.');
  expect(() => convOutputSize(8, { kernelSize: 0 })).toThrow('convOutputSize: kernelSize must be an integer ≥ 1, but got 0. Pass a whole number.');
  expect(() => convOutputSize(8, { kernelSize: 3, dilation: 0 })).toThrow('convOutputSize: dilation must be an integer ≥ 1, but got 0. Pass a whole number.');
});
