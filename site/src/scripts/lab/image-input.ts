// A picture the reader picks or drops, as CIFAR-10 sees images: the centre square, 32 × 32 RGB bytes.

/**
 * Decodes an image file, crops its centre square, shrinks it to 32 × 32 and draws it on `preview`.
 *
 * @param file - a picture (PNG, JPEG, WebP, BMP, GIF…).
 * @param preview - a 32 × 32 canvas that shows the reader what the networks see.
 * @returns `[32, 32, 3]` bytes (NHWC, row-major).
 * @throws Error naming the file when the browser cannot decode it.
 * @example
 * const pixels = await imageFileTo32(input.files[0], canvas);
 */
export async function imageFileTo32(file: Blob, preview: HTMLCanvasElement): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(file).catch((error: unknown) => {
    throw new Error(`${(file as File).name ?? 'the file'} is not an image this browser can decode (${error instanceof Error ? error.message : String(error)})`);
  });
  const side = Math.min(bitmap.width, bitmap.height);
  const context = preview.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2D canvas here');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, 32, 32);
  bitmap.close();
  const rgba = context.getImageData(0, 0, 32, 32).data; // [32, 32, 4]
  const rgb = new Uint8Array(32 * 32 * 3); //                [32, 32, 3]
  for (let pixel = 0; pixel < 32 * 32; pixel += 1) {
    rgb[pixel * 3] = rgba[pixel * 4] ?? 0;
    rgb[pixel * 3 + 1] = rgba[pixel * 4 + 1] ?? 0;
    rgb[pixel * 3 + 2] = rgba[pixel * 4 + 2] ?? 0;
  }
  return rgb;
}

/**
 * Draws `[32, 32, 3]` bytes (one CIFAR-10 image) on a canvas.
 *
 * @example
 * drawImage32(canvas, split.images.subarray(index * 3072, (index + 1) * 3072));
 */
export function drawImage32(canvas: HTMLCanvasElement, rgb: Uint8Array): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(32, 32);
  for (let pixel = 0; pixel < 32 * 32; pixel += 1) {
    image.data.set([rgb[pixel * 3] ?? 0, rgb[pixel * 3 + 1] ?? 0, rgb[pixel * 3 + 2] ?? 0, 255], pixel * 4);
  }
  context.putImageData(image, 0, 0);
}
