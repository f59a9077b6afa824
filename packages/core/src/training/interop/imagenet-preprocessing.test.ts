import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { imagenetMeta } from './imagenet-meta.js';
import { imagenetPreprocess, resizeLikePil } from './imagenet-preprocessing.js';

// Byte-for-byte agreement with torchvision (PIL) is tested in tests/interop with Debian's PyTorch.
describe('ImageNet preprocessing', () => {
  test('the sizes and class names are torchvision\'s ResNet18_Weights.IMAGENET1K_V1', () => {
    expect([imagenetMeta.resizeSize, imagenetMeta.cropSize]).toEqual([256, 224]);
    expect(imagenetMeta.classNames).toHaveLength(1000);
    expect(imagenetMeta.classNames[207]).toBe('golden retriever');
  });

  test('resizing keeps a constant image constant and an unchanged size unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 255 }), (h, w, outH, outW, value) => {
        const resized = resizeLikePil(new Uint8Array(h * w * 3).fill(value), [h, w, 3], [outH, outW]);
        expect(resized.length).toBe(outH * outW * 3);
        expect(resized.every((byte) => byte === value)).toBe(true);
      }),
    );
    const pixels = Uint8Array.from({ length: 5 * 7 * 3 }, (_, index) => (index * 37) % 256);
    expect(resizeLikePil(pixels, [5, 7, 3], [5, 7])).toEqual(pixels);
  });

  test('shrinking averages (antialiasing): a 1-pixel checkerboard halves to grey', () => {
    const board = Uint8Array.from({ length: 8 * 8 }, (_, index) => ((Math.floor(index / 8) + index) % 2) * 255);
    const half = resizeLikePil(board, [8, 8, 1], [4, 4]);
    expect(Array.from(half.subarray(4, 12))).toEqual([128, 128, 128, 128, 128, 128, 128, 128]); // away from the borders
  });

  test('the shorter side goes to 256, then the centre 224×224 is cropped', () => {
    const tall = Uint8Array.from({ length: 300 * 200 * 3 }, (_, index) => Math.floor(index / (200 * 3)) % 256); // each row its own value
    const out = imagenetPreprocess(tall, [300, 200, 3]);
    expect(out.length).toBe(224 * 224 * 3);
    // 200×300 → 256×384; crop rows 80…303 of 384: the value grows down the crop, as the source rows do
    expect(out[0]).toBeLessThan(out[223 * 224 * 3] ?? 0);
    expect(imagenetPreprocess(new Uint8Array(64 * 64 * 3), [64, 64, 3], 32).length).toBe(32 * 32 * 3);
  });
});
