import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { loadDataset } from './load-dataset.js';
import { readImageFolder } from './read-image-folder.js';

function png(width: number, height: number, value: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(value);
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return PNG.sync.write(image);
}

function jpg(width: number, height: number, value: number): Buffer {
  const data = Buffer.alloc(width * height * 4, value);
  return Buffer.from(jpeg.encode({ data, width, height }, 95).data);
}

async function folder(layout: Record<string, Buffer | string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'residual-images-'));
  for (const [path, content] of Object.entries(layout)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('readImageFolder', () => {
  it('reads <class>/<image> like ImageFolder: classes sorted, jpg and png decoded, non-images skipped with a warning', async () => {
    const files: Record<string, Buffer | string> = { 'dog/notes.txt': 'not an image', 'cat/broken.png': 'not really a png' };
    for (let i = 0; i < 10; i++) {
      files[`dog/${i}.png`] = png(6, 4, 200);
      files[`cat/${i}.jpg`] = jpg(6, 4, 40);
    }
    const root = await folder(files);
    const warnings: string[] = [];
    const data = await readImageFolder(root, { onWarning: (message) => warnings.push(message) });
    expect(data.classNames).toEqual(['cat', 'dog']);
    expect(data.imageShape).toEqual([4, 6, 3]);
    expect([data.train.count, data.test.count]).toEqual([18, 2]); // every 10th image of each class is a test image
    expect(warnings).toEqual([
      `image folder: skipping ${join(root, 'cat', 'broken.png')}: decodeImage: ${join(root, 'cat', 'broken.png')} must be a JPEG or PNG file, but its first bytes match neither. Convert it or remove it.`,
      `image folder: skipping ${join(root, 'dog', 'notes.txt')}: not a .jpg, .jpeg or .png file`,
    ]);
    const catPixel = data.train.images[0]!;
    const dogPixel = data.train.images[data.train.images.length - 1]!;
    expect(Math.abs(catPixel - 40)).toBeLessThanOrEqual(2); // JPEG is lossy
    expect(dogPixel).toBe(200);
  });

  it('uses train/ and test/ folders when both exist', async () => {
    const root = await folder({ 'train/a/1.png': png(2, 2, 1), 'train/b/1.png': png(2, 2, 2), 'test/a/1.png': png(2, 2, 3), 'test/b/1.png': png(2, 2, 4) });
    const data = await readImageFolder(root);
    expect([data.train.count, data.test.count]).toEqual([2, 2]);
    expect(Array.from(data.test.labels)).toEqual([0, 1]);
  });

  it('refuses images of different sizes unless asked to resize', async () => {
    const root = await folder({ 'a/1.png': png(8, 8, 1), 'b/1.png': png(16, 12, 2) });
    await expect(readImageFolder(root)).rejects.toThrow(
      `image folder: every image must have one size, 8×8 like ${join(root, 'a', '1.png')}, but got 12×16 in ${join(root, 'b', '1.png')}. Pass --resize <H>x<W> to scale them all.`,
    );
    const data = await readImageFolder(root, { resize: [4, 4], testEvery: 1000 });
    expect(data.imageShape).toEqual([4, 4, 3]);
    expect(data.train.images.length).toBe(2 * 4 * 4 * 3);
  });

  it('is what loadDataset picks for a folder without CIFAR-10 files', async () => {
    const root = await folder({ 'a/1.png': png(2, 2, 1), 'b/1.png': png(2, 2, 2) });
    expect((await loadDataset(root)).kind).toBe('image-folder');
  });

  it('needs at least two class folders', async () => {
    const root = await folder({ 'a/1.png': png(2, 2, 1) });
    await expect(readImageFolder(root)).rejects.toThrow(`image folder: ${root} must hold one folder of images per class (at least 2), but got 1. Arrange the images as <root>/<class>/<image>.jpg.`);
  });

  it('skips broken and looping symbolic links with a warning, as other bad files', async () => {
    const root = await folder({ 'a/1.png': png(2, 2, 1), 'b/1.png': png(2, 2, 2) });
    await symlink(join(root, 'nowhere.png'), join(root, 'a', 'dangling.png'));
    await symlink(join(root, 'a', 'loop.png'), join(root, 'a', 'loop.png'));
    await symlink(join(root, 'no-class'), join(root, 'c'));
    const warnings: string[] = [];
    const data = await readImageFolder(root, { onWarning: (message) => warnings.push(message), testEvery: 1000 });
    expect(data.classNames).toEqual(['a', 'b']);
    expect(warnings).toEqual([
      `image folder: skipping ${join(root, 'c')}: it must be a readable folder or file, but it is a symbolic link that cannot be followed (ENOENT: its target does not exist)`,
      `image folder: skipping ${join(root, 'a', 'dangling.png')}: it must be a readable folder or file, but it is a symbolic link that cannot be followed (ENOENT: its target does not exist)`,
      `image folder: skipping ${join(root, 'a', 'loop.png')}: it must be a readable folder or file, but it is a symbolic link that cannot be followed (ELOOP: the links form a loop)`,
    ]);
  });

  it('does not count an empty class folder as a class', async () => {
    const root = await folder({ 'a/1.png': png(2, 2, 1), 'b/notes.txt': 'no images here', 'c/1.png': png(2, 2, 3) });
    await mkdir(join(root, 'd'));
    const warnings: string[] = [];
    const data = await readImageFolder(root, { onWarning: (message) => warnings.push(message), testEvery: 1000 });
    expect(data.classNames).toEqual(['a', 'c']);
    expect(Array.from(data.train.labels)).toEqual([0, 1]);
    expect(warnings.filter((warning) => warning.includes('class folder'))).toEqual([
      `image folder: skipping the class folder ${join(root, 'b')}: a class must have at least one .jpg or .png image, but it has none`,
      `image folder: skipping the class folder ${join(root, 'd')}: a class must have at least one .jpg or .png image, but it has none`,
    ]);
  });

  it('names the file in a decoder error', () => {
    const truncated = jpg(8, 8, 100).subarray(0, 200);
    expect(() => decodeImage(truncated, 'photos/cat.jpg')).toThrow(/^decodeImage: photos\/cat\.jpg must be a valid JPEG file, but the decoder said: .+\. Re-save it as JPEG or PNG, or remove it\.$/);
  });

  it('decodes grey PNGs to three equal channels', () => {
    const image = new PNG({ width: 1, height: 1, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    image.data = Buffer.from([90]);
    const { pixels } = decodeImage(PNG.sync.write(image, { colorType: 0, inputColorType: 0, inputHasAlpha: false }), 'grey.png');
    expect(Array.from(pixels)).toEqual([90, 90, 90]);
  });
});
