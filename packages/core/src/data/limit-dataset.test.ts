import { describe, expect, it } from 'vitest';
import type { ImageDataset } from './image-dataset.js';
import { limitDataset } from './limit-dataset.js';

/** A dataset sorted by class, as an image folder reads: `perClass` 1×1×1 images of each of 10 classes, pixel = index. */
function sortedByClass(perClass: number): ImageDataset {
  const count = 10 * perClass;
  const labels = Uint8Array.from({ length: count }, (_, i) => Math.floor(i / perClass));
  const split = { images: Uint8Array.from({ length: count }, (_, i) => i % 256), labels, count };
  return { kind: 'image-folder', source: 'test', classNames: Array.from({ length: 10 }, (_, i) => `c${i}`), imageShape: [1, 1, 1], train: split, test: split };
}

describe('limitDataset', () => {
  it('keeps every class of a class-sorted split, in proportion, images matching their labels', () => {
    const limited = limitDataset(sortedByClass(20), 30);
    expect(limited.train.count).toBe(30);
    const perClass = Array.from({ length: 10 }, (_, c) => limited.train.labels.filter((label) => label === c).length);
    expect(perClass).toEqual(Array.from({ length: 10 }, () => 3));
    limited.train.labels.forEach((label, i) => expect(Math.floor((limited.train.images[i] ?? 0) / 20)).toBe(label));
  });

  it('leaves a split that is already small enough untouched', () => {
    const data = sortedByClass(2);
    expect(limitDataset(data, 50).test).toBe(data.test);
  });
});
