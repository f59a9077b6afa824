import { imagenetMeta } from './imagenet-meta.js';

// PIL's bilinear resampling (Pillow's libImaging/Resample.c), which torchvision's Resize applies to
// PIL images: a triangle filter widened by the scale when shrinking (antialiasing), weights
// normalised and rounded to 22-bit fixed point, the horizontal pass first, each pass rounded to
// bytes. Written out here so that Residual's ImageNet preprocessing gives torchvision's pixels.

const precisionBits = 32 - 8 - 2;

/** One output pixel's source window along an axis: where it starts and its fixed-point weights. */
interface Window {
  readonly start: number;
  readonly weights: number[];
}

function windows(inSize: number, outSize: number): Window[] {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filterScale; // the triangle's support (1) widened by the scale
  return Array.from({ length: outSize }, (_, out) => {
    const center = (out + 0.5) * scale;
    const start = Math.max(Math.trunc(center - support + 0.5), 0);
    const end = Math.min(Math.trunc(center + support + 0.5), inSize);
    const raw = Array.from({ length: end - start }, (_, x) => Math.max(1 - Math.abs((x + start - center + 0.5) / filterScale), 0));
    const total = raw.reduce((sum, weight) => sum + weight, 0);
    const weights = raw.map((weight) => {
      const normalised = total === 0 ? weight : weight / total;
      return Math.trunc((normalised < 0 ? -0.5 : 0.5) + normalised * 2 ** precisionBits);
    });
    return { start, weights };
  });
}

function resample(
  pixels: Uint8Array,
  [height, width, channels]: readonly [number, number, number],
  outSize: number,
  axis: 'horizontal' | 'vertical',
): Uint8Array {
  const outHeight = axis === 'vertical' ? outSize : height;
  const outWidth = axis === 'horizontal' ? outSize : width;
  const out = new Uint8Array(outHeight * outWidth * channels);
  const plan = windows(axis === 'horizontal' ? width : height, outSize);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const { start, weights } = plan[axis === 'horizontal' ? x : y] as Window;
      for (let c = 0; c < channels; c++) {
        let sum = 2 ** (precisionBits - 1);
        for (let k = 0; k < weights.length; k++) {
          const [row, col] = axis === 'horizontal' ? [y, start + k] : [start + k, x];
          sum += (pixels[(row * width + col) * channels + c] ?? 0) * (weights[k] ?? 0);
        }
        out[(y * outWidth + x) * channels + c] = Math.min(Math.max(Math.floor(sum / 2 ** precisionBits), 0), 255);
      }
    }
  }
  return out;
}

/**
 * Resizes an image as PIL's `Image.resize(size, BILINEAR)` does, byte for byte.
 *
 * @param pixels - `[H, W, C]` bytes.
 * @param from - `[H, W, C]` of `pixels`.
 * @param to - the target `[height, width]`.
 * @returns `[height, width, C]` bytes.
 * @example
 * const small = resizeLikePil(photo, [375, 500, 3], [256, 341]);
 */
export function resizeLikePil(pixels: Uint8Array, from: readonly [number, number, number], to: readonly [number, number]): Uint8Array {
  const [height, width, channels] = from;
  const [outHeight, outWidth] = to;
  const wide = outWidth === width ? pixels : resample(pixels, from, outWidth, 'horizontal');
  return outHeight === height ? wide : resample(wide, [height, outWidth, channels], outHeight, 'vertical');
}

/** Python's `round`: halves go to the even neighbour (torchvision's centre crop uses it). */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * torchvision's ImageNet evaluation preprocessing up to the normalisation: `Resize(256)` (the
 * shorter side to 256 pixels, the longer in proportion, rounded down; PIL's antialiased bilinear)
 * then `CenterCrop(224)`. Normalise the result with `imagenetMeta.mean` and `std`, as `classify`
 * does with a checkpoint's statistics. Another crop size keeps torchvision's ratio (256/224).
 *
 * @param pixels - `[H, W, 3]` bytes of any size.
 * @param from - `[H, W, C]` of `pixels`.
 * @param cropSize - the side of the square result (default torchvision's 224).
 * @returns `[cropSize, cropSize, C]` bytes.
 * @example
 * const input = imagenetPreprocess(photo.pixels, [photo.height, photo.width, 3]); // 224×224×3 bytes
 */
export function imagenetPreprocess(
  pixels: Uint8Array,
  from: readonly [number, number, number],
  cropSize: number = imagenetMeta.cropSize,
): Uint8Array {
  const [height, width, channels] = from;
  const resizeSize = Math.round((cropSize * imagenetMeta.resizeSize) / imagenetMeta.cropSize);
  const [resizedHeight, resizedWidth] =
    width <= height ? [Math.trunc((resizeSize * height) / width), resizeSize] : [resizeSize, Math.trunc((resizeSize * width) / height)];
  const resized = resizeLikePil(pixels, from, [resizedHeight, resizedWidth]);
  const top = roundHalfEven((resizedHeight - cropSize) / 2);
  const left = roundHalfEven((resizedWidth - cropSize) / 2);
  const out = new Uint8Array(cropSize * cropSize * channels);
  for (let y = 0; y < cropSize; y++) {
    const row = ((top + y) * resizedWidth + left) * channels;
    out.set(resized.subarray(row, row + cropSize * channels), y * cropSize * channels);
  }
  return out;
}
