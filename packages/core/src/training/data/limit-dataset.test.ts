import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImageDataset, ImageSplit } from './image-dataset.js';
import { limitDataset } from './limit-dataset.js';
import { describeDataset } from './load-dataset.js';

/** `count` 1×1×1 images whose pixel is their index (mod 256) and whose labels come from `label(i)`. */
function split(count: number, label: (index: number) => number): ImageSplit {
  return { images: Uint8Array.from({ length: count }, (_, i) => i % 256), labels: Uint8Array.from({ length: count }, (_, i) => label(i)), count };
}

function dataset(train: ImageSplit, test: ImageSplit, classes = 10): ImageDataset {
  return { kind: 'image-folder', source: 'test', classNames: Array.from({ length: classes }, (_, i) => `c${i}`), imageShape: [1, 1, 1], train, test };
}

const perClass = (labels: Uint8Array, classes = 10) => Array.from({ length: classes }, (_, c) => labels.filter((label) => label === c).length);

describe('limitDataset', () => {
  it('keeps classes balanced where labels repeat 0…9 (CIFAR-10 order): every k-th image would keep class 0 only', () => {
    const cifarLike = split(2000, (i) => i % 10);
    for (const limit of [50, 100]) {
      const limited = limitDataset(dataset(cifarLike, cifarLike), limit);
      expect(perClass(limited.train.labels)).toEqual(Array.from({ length: 10 }, () => limit / 10));
      expect(perClass(limited.test.labels)).toEqual(Array.from({ length: 10 }, () => limit / 10));
    }
  });

  it('keeps classes balanced in a class-sorted split, images matching their labels', () => {
    const sorted = split(200, (i) => Math.floor(i / 20));
    const limited = limitDataset(dataset(sorted, sorted), 30);
    expect(perClass(limited.train.labels)).toEqual(Array.from({ length: 10 }, () => 3));
    limited.train.labels.forEach((label, i) => expect(Math.floor((limited.train.images[i] as number) / 20)).toBe(label));
  });

  it('is seeded: the same images every time (so train --limit and eval --limit see the same test images)', () => {
    const data = dataset(split(500, (i) => (i * 7) % 10), split(300, (i) => i % 10));
    expect(Array.from(limitDataset(data, 40).test.images)).toEqual(Array.from(limitDataset(data, 40).test.images));
  });

  it('gives a rare class all it has and the others the rest; a split already small enough stays as it is', () => {
    const uneven = split(62, (i) => (i < 2 ? 0 : 1 + (i % 2))); // class 0: 2 images, classes 1 and 2: 30 each
    expect(perClass(limitDataset(dataset(uneven, uneven, 3), 30).train.labels, 3)).toEqual([2, 14, 14]);
    const small = split(20, (i) => i % 10);
    expect(limitDataset(dataset(small, small), 50).test).toBe(small);
  });

  it('property: at most n images, per-class counts differ by at most one unless a class runs out, every image from its split', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 130 }), (labels, limit) => {
        const source = split(labels.length, (i) => labels[i] as number);
        const limited = limitDataset(dataset(source, source, 5), limit).train;
        expect(limited.count).toBe(Math.min(limit, labels.length));
        const available = perClass(source.labels, 5);
        const kept = perClass(limited.labels, 5);
        // A class below the largest count by more than one must have run out of images.
        kept.forEach((count, c) => {
          if (count < (available[c] as number)) expect(count).toBeGreaterThanOrEqual(Math.max(...kept) - 1);
        });
        limited.labels.forEach((label, i) => expect(source.labels[limited.images[i] as number]).toBe(label));
      }),
    );
  });

  it('the data line counts the classes each split really holds', () => {
    const cifarLike = split(2000, (i) => i % 10);
    expect(describeDataset(limitDataset(dataset(cifarLike, cifarLike), 50))).toBe('image folder test: 50 train / 50 test images, 10 classes, 1×1×1');
    expect(describeDataset(limitDataset(dataset(cifarLike, cifarLike), 5))).toBe(
      'image folder test: 5 train / 5 test images, 10 classes (only 5 in train, 5 in test), 1×1×1',
    );
  });
});
