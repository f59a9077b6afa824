import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../train/rng.js';
import { channelStats } from './channel-stats.js';
import type { ImageSplit } from './image-dataset.js';
import { cifarAugmentation, makeBatch } from './make-batch.js';

/** Image `i` of a split holds distinct, position-coded pixel values: v = (i·97 + y·13 + x·7 + c·3) mod 256. */
function codedSplit(count: number, size: number, channels: number): ImageSplit {
  const images = new Uint8Array(count * size * size * channels);
  for (let i = 0; i < count; i++) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        for (let c = 0; c < channels; c++) images[((i * size + y) * size + x) * channels + c] = (i * 97 + y * 13 + x * 7 + c * 3) % 256;
      }
    }
  }
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count };
}

describe('makeBatch', () => {
  it('normalises with the given statistics: the whole split comes out with mean 0 and std 1 per channel', () => {
    const split = codedSplit(6, 8, 3);
    const stats = channelStats(split, 3);
    const { pixels, labels } = makeBatch(split, [0, 1, 2, 3, 4, 5], { imageShape: [8, 8, 3], stats });
    expect(Array.from(labels)).toEqual([0, 1, 2, 3, 4, 5]);
    for (let c = 0; c < 3; c++) {
      const values = Array.from(pixels).filter((_, i) => i % 3 === c);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(Math.abs(variance - 1)).toBeLessThan(1e-4);
    }
  });

  it('augments deterministically: the same seed gives the same batch, another seed another one', () => {
    const split = codedSplit(8, 8, 3);
    const options = (seed: number) => ({ imageShape: [8, 8, 3] as const, stats: { mean: [0, 0, 0], std: [1, 1, 1] }, augment: cifarAugmentation, rng: Rng.fromSeed(seed) });
    const a = makeBatch(split, [0, 1, 2, 3, 4, 5, 6, 7], options(5)).pixels;
    const b = makeBatch(split, [0, 1, 2, 3, 4, 5, 6, 7], options(5)).pixels;
    const c = makeBatch(split, [0, 1, 2, 3, 4, 5, 6, 7], options(6)).pixels;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });

  it('every augmented image is the original shifted by at most 4 pixels (black where it left the frame), maybe mirrored', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const size = 12;
        const split = codedSplit(1, size, 3);
        const { pixels } = makeBatch(split, [0], {
          imageShape: [size, size, 3],
          stats: { mean: [0, 0, 0], std: [1 / 255, 1 / 255, 1 / 255] }, // identity: value · 255 · (1/255)
          augment: cifarAugmentation,
          rng: Rng.fromSeed(seed),
        });
        const at = (y: number, x: number, c: number) => Math.round(pixels[(y * size + x) * 3 + c]!);
        const source = (y: number, x: number, c: number) => (y < 0 || y >= size || x < 0 || x >= size ? 0 : split.images[(y * size + x) * 3 + c]!);
        const explained = [false, true].some((flip) =>
          Array.from({ length: 81 }, (_, k) => [Math.floor(k / 9) - 4, (k % 9) - 4] as const).some(([dy, dx]) => {
            for (let y = 0; y < size; y++) {
              for (let x = 0; x < size; x++) {
                for (let c = 0; c < 3; c++) if (at(y, x, c) !== source(y + dy, (flip ? size - 1 - x : x) + dx, c)) return false;
              }
            }
            return true;
          }),
        );
        expect(explained).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('flips about half the images and crops with offsets spread over −4…4', () => {
    const rng = Rng.fromSeed(11);
    const split = codedSplit(1, 8, 1);
    const stats = { mean: [0], std: [1 / 255] };
    let flipped = 0;
    let shifted = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const { pixels } = makeBatch(split, [0], { imageShape: [8, 8, 1], stats, augment: { padCrop: 0, flip: true }, rng });
      if (Math.round(pixels[0]!) === split.images[7]) flipped++;
      const crop = makeBatch(split, [0], { imageShape: [8, 8, 1], stats, augment: { padCrop: 4, flip: false }, rng }).pixels;
      if (Math.round(crop[3 * 8 + 3]!) !== split.images[3 * 8 + 3]) shifted++;
    }
    expect(flipped / trials).toBeGreaterThan(0.4);
    expect(flipped / trials).toBeLessThan(0.6);
    // Only the offset (0, 0), 1 of 81, leaves the centre pixel in place.
    expect(shifted / trials).toBeGreaterThan(0.95);
  });

  it('refuses augmentation without a generator', () => {
    expect(() => makeBatch(codedSplit(1, 4, 1), [0], { imageShape: [4, 4, 1], stats: { mean: [0], std: [1] }, augment: cifarAugmentation })).toThrow(
      'makeBatch: options.rng must be set when options.augment is, but got none. Pass a seeded Rng.',
    );
  });
});
