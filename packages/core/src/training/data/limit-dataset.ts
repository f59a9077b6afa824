import { Rng } from '../train/rng.js';
import type { ImageDataset, ImageSplit } from './image-dataset.js';

/**
 * The seed of {@link limitDataset}'s choice. Fixed (not `--seed`), so that `train --limit n` and
 * `eval --limit n` see the same test images, whatever seed the run trains with.
 */
export const limitSeed = 20_251_207;

/** How many images of each class to keep: an equal share, a class with fewer giving its rest to the others. */
function quotas(available: ReadonlyMap<number, number>, count: number, rng: Rng): Map<number, number> {
  const quota = new Map([...available.keys()].map((label) => [label, 0]));
  const room = (label: number) => (available.get(label) as number) - (quota.get(label) as number);
  let left = count;
  let open = [...available.keys()].filter((label) => room(label) > 0);
  while (left > 0 && open.length > 0) {
    const share = Math.floor(left / open.length);
    if (share === 0) {
      // Fewer images left than classes: a seeded choice of classes gets one more each.
      const order = rng.permutation(open.length);
      for (let k = 0; k < left; k++) {
        const label = open[order[k] as number] as number;
        quota.set(label, (quota.get(label) as number) + 1);
      }
      break;
    }
    for (const label of open) {
      const take = Math.min(share, room(label));
      quota.set(label, (quota.get(label) as number) + take);
      left -= take;
    }
    open = open.filter((label) => room(label) > 0);
  }
  return quota;
}

/** At most `count` images of a split, the same number of each class (as far as each has), chosen by `rng`, in their original order. */
function balanced(split: ImageSplit, count: number, imageSize: number, rng: Rng): ImageSplit {
  if (count >= split.count) return split;
  const byClass = new Map<number, number[]>();
  split.labels.forEach((label, index) => {
    const members = byClass.get(label);
    if (members === undefined) byClass.set(label, [index]);
    else members.push(index);
  });
  const quota = quotas(new Map([...byClass].sort(([a], [b]) => a - b).map(([label, members]) => [label, members.length])), count, rng);
  const chosen: number[] = [];
  for (const [label, members] of [...byClass].sort(([a], [b]) => a - b)) {
    const order = rng.permutation(members.length);
    for (let k = 0; k < (quota.get(label) as number); k++) chosen.push(members[order[k] as number] as number);
  }
  chosen.sort((a, b) => a - b);
  const images = new Uint8Array(chosen.length * imageSize);
  const labels = new Uint8Array(chosen.length);
  chosen.forEach((source, i) => {
    images.set(split.images.subarray(source * imageSize, (source + 1) * imageSize), i * imageSize);
    labels[i] = split.labels[source] as number;
  });
  return { images, labels, count: chosen.length };
}

/**
 * Keeps at most `count` images of each split, for quick runs and tests: the same number of each
 * class (a class with fewer images gives its share to the others), picked by a fixed seed
 * ({@link limitSeed}), in their original order. Whatever order the labels come in (CIFAR-10's
 * files cycle through the classes, an image folder is sorted by class), every class is kept as long
 * as `count` is at least the number of classes.
 *
 * @param data - a dataset.
 * @param count - the cap per split.
 * @returns a dataset with at most `count` images per split.
 * @example
 * limitDataset(await readCifar10(dir), 100).train.labels; // 10 of each of the 10 classes
 */
export function limitDataset(data: ImageDataset, count: number): ImageDataset {
  const imageSize = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  return {
    ...data,
    train: balanced(data.train, count, imageSize, Rng.fromSeed(limitSeed)),
    test: balanced(data.test, count, imageSize, Rng.fromSeed(limitSeed + 1)),
  };
}
