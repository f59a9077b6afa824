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

const linkFailures: Record<string, string> = {
  ENOENT: 'its target does not exist',
  ELOOP: 'the links form a loop',
  EACCES: 'its target is not readable',
};

/** A folder entry's kind, following links; a link that cannot be followed is warned about and skipped (`null`). */
async function kindOf(path: string, warn: (message: string) => void): Promise<'folder' | 'file' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    warn(
      `image folder: skipping ${path}: it must be a readable folder or file, but it is a symbolic link that cannot be followed ` +
        `(${code}: ${linkFailures[code] ?? (error as Error).message})`,
    );
    return null;
  }
}

async function subfolders(dir: string, warn: (message: string) => void): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const folders: string[] = [];
  for (const name of names) if ((await kindOf(join(dir, name), warn)) === 'folder') folders.push(name);
  return folders;
}

interface Sample {
  readonly pixels: Uint8Array;
  readonly label: number;
}

/** Reads every image of each class folder: one list of samples per class, in `classNames` order. */
async function readClasses(
  dir: string,
  classNames: readonly string[],
  options: ReadImageFolderOptions,
  expected: { size?: readonly [number, number]; file?: string },
): Promise<Sample[][]> {
  const warn = warner(options);
  const perClass: Sample[][] = [];
  for (const [label, className] of classNames.entries()) {
    const folder = join(dir, className);
    const samples: Sample[] = [];
    perClass.push(samples);
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      warn(`image folder: ${dir} has no folder ${className}: no images of class ${className} there`);
      return [];
    });
    for (const name of names.sort()) {
      const file = join(folder, name);
      if ((await kindOf(file, warn)) !== 'file') continue;
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
  return perClass;
}

function warner(options: ReadImageFolderOptions): (message: string) => void {
  return options.onWarning ?? ((message: string) => console.warn(message));
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
  const warn = warner(options);
  const top = await subfolders(root, warn);
  const presplit = top.includes('train') && top.includes('test');
  const trainDir = presplit ? join(root, 'train') : root;
  const folders = presplit ? await subfolders(trainDir, warn) : top;
  const expected: { size?: readonly [number, number]; file?: string } = {};
  // A class folder without images is no class: the model would have an output nothing trains.
  const read = await readClasses(trainDir, folders, options, expected);
  const kept = folders.flatMap((name, index) => {
    if ((read[index] as Sample[]).length > 0) return [index];
    warn(`image folder: skipping the class folder ${join(trainDir, name)}: a class must have at least one .jpg or .png image, but it has none`);
    return [];
  });
  const classNames = kept.map((index) => folders[index] as string);
  if (classNames.length < 2) {
    throw new DataError(
      `image folder: ${trainDir} must hold one folder of images per class (at least 2), but got ${classNames.length}. ` +
        'Arrange the images as <root>/<class>/<image>.jpg.',
    );
  }
  const relabel = (samples: Sample[], label: number) => samples.map((sample) => ({ pixels: sample.pixels, label }));
  let trainSamples = kept.flatMap((index, label) => relabel(read[index] as Sample[], label));
  let testSamples: Sample[];
  if (presplit) {
    testSamples = (await readClasses(join(root, 'test'), classNames, options, expected)).flat();
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
