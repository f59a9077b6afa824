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
      "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)",
    );
    expect(() => blockOutputShape('bottleneck', [null, 56, 56, 64], { filters: 64, shortcut: 'identity' }, 4)).toThrow(
      "shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256) or 'zero-pad' (no parameters, stride 1, 64→256)",
    );
    expect(() => blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 32, strides: 2 }, 1)).toThrow(
      /— use shortcut: 'projection' \(1×1 conv, stride 2, 64→32\)$/,
    );
  });

  test('the zero-pad shortcut (option A) goes wherever a projection would, unless channels shrink', () => {
    expect(blockOutputShape('basicBlock', [null, 32, 32, 16], { filters: 32, strides: 2, shortcut: 'zero-pad' }, 1)).toEqual([null, 16, 16, 32]);
    expect(blockOutputShape('bottleneck', [null, 56, 56, 64], { filters: 64, shortcut: 'zero-pad' }, 4)).toEqual([null, 56, 56, 256]);
    expect(blockOutputShape('basicBlock', [null, 7, 7, 16], { filters: 16, strides: 2, shortcut: 'zero-pad' }, 1)).toEqual([null, 4, 4, 16]);
    expect(() => blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 32, strides: 2, shortcut: 'zero-pad' }, 1)).toThrow(
      "shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 64→32 — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)",
    );
  });

  test('rejects a shortcut that is not one of the four, naming the closest (plain JavaScript)', () => {
    const untyped = (shortcut: unknown) => () => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 8, shortcut: shortcut as 'identity' }, 1);
    expect(untyped('projecton')).toThrow(
      "basicBlock: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"projecton\". Did you mean 'projection'?",
    );
    expect(untyped('zeropad')).toThrow("but got \"zeropad\". Did you mean 'zero-pad'?");
    expect(untyped(3)).toThrow("basicBlock: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got 3. Pass one of them.");
    expect(untyped(null)).toThrow('but got null. Pass one of them.');
    expect(untyped(undefined)()).toEqual([null, 8, 8, 8]); // absent: the identity
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

describe('blockOutputShape edges (found by mutation testing)', () => {
  test('one filter is enough; a stride must be a positive whole number', () => {
    expect(blockOutputShape('basicBlock', [null, 8, 8, 1], { filters: 1 }, 1)).toEqual([null, 8, 8, 1]);
    expect(() => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 8, strides: 0 }, 1)).toThrow('basicBlock: strides must be a positive integer, but got 0.');
    expect(() => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 8, strides: 1.5 }, 1)).toThrow('basicBlock: strides must be a positive integer, but got 1.5.');
  });

  test('an identity fails on a stride alone; a projection may shrink channels, a zero-pad may not', () => {
    expect(() => blockOutputShape('basicBlock', [null, 8, 8, 8], { filters: 8, strides: 2 }, 1)).toThrow(
      "shape error: basicBlock: residual add: main branch [N,4,4,8] vs identity shortcut [N,8,8,8] — use shortcut: 'projection' (1×1 conv, stride 2, 8→8) or 'zero-pad' (no parameters, stride 2, 8→8)",
    );
    expect(blockOutputShape('basicBlock', [null, 8, 8, 64], { filters: 32, strides: 2, shortcut: 'projection' }, 1)).toEqual([null, 4, 4, 32]);
    expect(blockOutputShape('plainBlock', [null, 8, 8, 64], { filters: 32, shortcut: 'none' }, 1)).toEqual([null, 8, 8, 32]);
  });
});
