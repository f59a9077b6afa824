import type { ImageDataset, ImageSplit } from '../../data/image-dataset.js';
import { Rng } from '../rng.js';

/**
 * A two-class toy dataset a small net learns in a few steps: class 0 images are dark with noise,
 * class 1 images bright. `[count, size, size, 3]` bytes.
 */
export function toyDataset(count: number, size = 8, seed = 3): ImageDataset {
  const rng = Rng.fromSeed(seed);
  const split = (n: number): ImageSplit => {
    const images = new Uint8Array(n * size * size * 3);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (let p = 0; p < size * size * 3; p++) images[i * size * size * 3 + p] = (i % 2 === 0 ? 40 : 170) + rng.int(60);
    }
    return { images, labels, count: n };
  };
  return { kind: 'cifar10', source: 'toy', classNames: ['dark', 'bright'], imageShape: [size, size, 3], train: split(count), test: split(Math.max(count / 4, 4)) };
}
