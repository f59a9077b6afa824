import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from './data-error.js';
import { decodeImage, isImageFile } from './decode-image.js';
import { makeSplit, type ImageDataset, type ImageSplit } from './image-dataset.js';
import { resizeImage } from './resize-image.js';

/** Options for {@link readImageFolder}. */
export interface ReadImageFolderOptions {
  /** Resize every image to `[height, width]`; without it, every image must already have one size. */
  readonly resize?: readonly [number, number];
  /** When the folder has no `train/` and `test/`, every `testEvery`-th image of each class is a test image; default 10. */
  readonly testEvery?: number;
  /** Called for each skipped file; default `console.warn`. */
  readonly onWarning?: (message: string) => void;
}

async function subfolders(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const folders: string[] = [];
  for (const name of names) if ((await stat(join(dir, name))).isDirectory()) folders.push(name);
  return folders;
}

interface Sample {
  readonly pixels: Uint8Array;
  readonly label: number;
}

async function readClasses(
  dir: string,
  classNames: readonly string[],
  options: ReadImageFolderOptions,
  expected: { size?: readonly [number, number]; file?: string },
): Promise<Sample[]> {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const samples: Sample[] = [];
  for (const [label, className] of classNames.entries()) {
    const folder = join(dir, className);
    for (const name of (await readdir(folder)).sort()) {
      const file = join(folder, name);
      if (!(await stat(file)).isFile()) continue;
      if (!isImageFile(name)) {
        warn(`image folder: skipping ${file}: not a .jpg, .jpeg or .png file`);
        continue;
      }
      let image;
      try {
        image = decodeImage(new Uint8Array(await readFile(file)), file);
      } catch (error) {
        warn(`image folder: skipping ${file}: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      let pixels = image.pixels;
      if (options.resize !== undefined) {
        pixels = resizeImage(pixels, [image.height, image.width, 3], options.resize);
      } else if (expected.size === undefined) {
        expected.size = [image.height, image.width];
        expected.file = file;
      } else if (expected.size[0] !== image.height || expected.size[1] !== image.width) {
        throw new DataError(
          `image folder: every image must have one size, ${expected.size[0]}×${expected.size[1]} like ${expected.file}, ` +
            `but got ${image.height}×${image.width} in ${file}. Pass --resize <H>x<W> to scale them all.`,
        );
      }
      samples.push({ pixels, label });
    }
  }
  return samples;
}

function toSplit(samples: readonly Sample[], imageSize: number): ImageSplit {
  const images = new Uint8Array(samples.length * imageSize);
  const labels = new Uint8Array(samples.length);
  samples.forEach((sample, index) => {
    images.set(sample.pixels, index * imageSize);
    labels[index] = sample.label;
  });
  return makeSplit(images, labels, imageSize);
}

/**
 * Reads an image-folder dataset like torchvision's `ImageFolder`: `root/<class>/*.jpg|png`, classes
 * in alphabetical order. With `root/train/<class>` and `root/test/<class>` the two splits come from
 * there; otherwise every `testEvery`-th image of each class is held out for testing. Files that are
 * not images are skipped with a warning.
 *
 * @param root - the folder.
 * @param options - resizing, the test hold-out and the warning sink.
 * @returns the dataset, images `[N, H, W, 3]` as bytes.
 * @throws DataError for a folder without class folders or images, or images of different sizes.
 * @example
 * const data = await readImageFolder('pets', { resize: [64, 64] }); // classes ['cat', 'dog']
 */
export async function readImageFolder(root: string, options: ReadImageFolderOptions = {}): Promise<ImageDataset> {
  const top = await subfolders(root);
  const presplit = top.includes('train') && top.includes('test');
  const trainDir = presplit ? join(root, 'train') : root;
  const classNames = await subfolders(trainDir);
  if (classNames.length < 2) {
    throw new DataError(
      `image folder: ${trainDir} must hold one folder per class (at least 2), but got ${classNames.length}. ` +
        'Arrange the images as <root>/<class>/<image>.jpg.',
    );
  }
  const expected: { size?: readonly [number, number]; file?: string } = {};
  let trainSamples = await readClasses(trainDir, classNames, options, expected);
  let testSamples: Sample[];
  if (presplit) {
    testSamples = await readClasses(join(root, 'test'), classNames, options, expected);
  } else {
    const every = options.testEvery ?? 10;
    const seen = new Map<number, number>();
    const isTest = (sample: Sample) => {
      const index = seen.get(sample.label) ?? 0;
      seen.set(sample.label, index + 1);
      return index % every === every - 1;
    };
    const flags = trainSamples.map(isTest);
    testSamples = trainSamples.filter((_, index) => flags[index]);
    trainSamples = trainSamples.filter((_, index) => !flags[index]);
  }
  const size = options.resize ?? expected.size;
  if (size === undefined || trainSamples.length === 0) {
    throw new DataError(`image folder: ${root} must contain .jpg or .png images, but got none. Check the path.`);
  }
  const imageSize = size[0] * size[1] * 3;
  return {
    kind: 'image-folder',
    source: root,
    classNames,
    imageShape: [size[0], size[1], 3],
    train: toSplit(trainSamples, imageSize),
    test: toSplit(testSamples, imageSize),
  };
}
