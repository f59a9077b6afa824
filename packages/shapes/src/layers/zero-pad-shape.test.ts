import { describe, expect, test } from 'vitest';
import { ShapeError } from '../shape-error.js';
import { shortcutFix, zeroPadOutputShape } from './zero-pad-shape.js';

describe('zeroPadOutputShape (the paper\'s option A)', () => {
  test('subsamples every S-th row and column (⌈H/S⌉) and adds zero channels', () => {
    expect(zeroPadOutputShape([null, 32, 32, 16], { channels: 32, strides: 2 })).toEqual([null, 16, 16, 32]);
    expect(zeroPadOutputShape([4, 7, 5, 16], { channels: 16, strides: 2 })).toEqual([4, 4, 3, 16]);
    expect(zeroPadOutputShape([null, 8, 8, 3], { channels: 5 })).toEqual([null, 8, 8, 5]);
    expect(zeroPadOutputShape([null, 9, 9, 3], { channels: 3, strides: 3 })).toEqual([null, 3, 3, 3]);
  });

  test('channels that would shrink are a ShapeError that names the fix', () => {
    expect(() => zeroPadOutputShape([null, 8, 8, 64], { channels: 32 })).toThrow(ShapeError);
    expect(() => zeroPadOutputShape([null, 8, 8, 64], { channels: 32 })).toThrow(
      'shape error: zeroPadShortcut: zero-pad shortcut must keep every input channel, but got 64→32 — use a 1×1 conv (conv2d with kernelSize 1) and batchNorm',
    );
  });

  test('rejects bad options and ranks with the rule and the value', () => {
    expect(() => zeroPadOutputShape([null, 8, 8, 4], { channels: 0 })).toThrow('zeroPadShortcut: channels must be a positive integer, but got 0. Pass e.g. 32.');
    expect(() => zeroPadOutputShape([null, 8, 8, 4], { channels: 8, strides: 0 })).toThrow('zeroPadShortcut: strides must be a positive integer, but got 0. Pass 1 or 2.');
    expect(() => zeroPadOutputShape([null, 64], { channels: 8 })).toThrow('shape error: zeroPadShortcut: input must be rank 4 [N,H,W,C], but got [N,64]');
  });
});

describe('shortcutFix', () => {
  test('offers the projection, and the zero-pad unless channels shrink', () => {
    expect(shortcutFix(2, 64, 128)).toBe("use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)");
    expect(shortcutFix(1, 64, 64)).toBe("use shortcut: 'projection' (1×1 conv, stride 1, 64→64) or 'zero-pad' (no parameters, stride 1, 64→64)");
    expect(shortcutFix(2, 64, 32)).toBe("use shortcut: 'projection' (1×1 conv, stride 2, 64→32)");
    expect(shortcutFix(2, null, 32)).toBe("use shortcut: 'projection' (1×1 conv, stride 2, ?→32) or 'zero-pad' (no parameters, stride 2, ?→32)");
  });
});

describe('zeroPadOutputShape edges (found by mutation testing)', () => {
  test('one channel is enough; unknown sizes stay unknown; the default api and the custom fix are used', () => {
    expect(zeroPadOutputShape([2, 4, 4, 1], { channels: 1 })).toEqual([2, 4, 4, 1]);
    expect(zeroPadOutputShape([null, null, 7, null], { channels: 8, strides: 2 })).toEqual([null, null, 4, 8]);
    expect(() => zeroPadOutputShape([null, 8, 8, 4], { channels: 2 }, 'basicBlock', 'use a projection')).toThrow(
      'shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 4→2 — use a projection',
    );
    expect(() => zeroPadOutputShape([null, 8, 8, 4], { channels: 8, strides: 1.5 })).toThrow('zeroPadShortcut: strides must be a positive integer, but got 1.5.');
    expect(() => zeroPadOutputShape([null, 8, 8], { channels: 8 })).toThrow(
      'shape error: zeroPadShortcut: input must be rank 4 [N,H,W,C], but got [N,8,8] — pass a batch of feature maps, NHWC',
    );
  });

  test('shortcutFix keeps the zero-pad when channels stay or grow', () => {
    expect(shortcutFix(2, 64, 64)).toContain(" or 'zero-pad' (no parameters, stride 2, 64→64)");
    expect(shortcutFix(2, 65, 64)).not.toContain('zero-pad');
  });
});
