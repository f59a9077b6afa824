import { describe, expect, test } from 'vitest';
import { blockOutputShape } from './residual-shape.js';

describe('blockOutputShape', () => {
  test('keeps the shape with the identity, changes it with a projection', () => {
    expect(blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 64 }, 1)).toEqual([null, 32, 32, 64]);
    expect(blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 128, strides: 2, shortcut: 'projection' }, 1)).toEqual([null, 16, 16, 128]);
    expect(blockOutputShape('bottleneck', [null, 7, 7, 1024], { filters: 512, strides: 2, shortcut: 'projection' }, 4)).toEqual([null, 4, 4, 2048]);
    expect(blockOutputShape('plainBlock', [null, 32, 32, 16], { filters: 32, strides: 2, shortcut: 'none' }, 1)).toEqual([null, 16, 16, 32]);
  });

  test('an identity shortcut across a shape change throws the words of the type error', () => {
    expect(() => blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 128, strides: 2 }, 1)).toThrow(
      "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)",
    );
    expect(() => blockOutputShape('bottleneck', [null, 56, 56, 64], { filters: 64, shortcut: 'identity' }, 4)).toThrow(
      "shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256)",
    );
  });

  test('rejects filters and strides that are not positive integers', () => {
    expect(() => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 0 }, 1)).toThrow(
      'basicBlock: filters must be a positive integer, but got 0. Pass e.g. 64.',
    );
    expect(() => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 8, strides: 0.5 }, 1)).toThrow(
      'basicBlock: strides must be a positive integer, but got 0.5. Pass 1 or 2.',
    );
  });
});
