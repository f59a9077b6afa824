import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A decoded image: `[height, width, 3]` RGB bytes. */
export interface DecodedImage {
  readonly pixels: Uint8Array; // [H, W, 3]
  readonly height: number;
  readonly width: number;
}

/** File name endings the image decoders accept. */
export const imageExtensions = ['.jpg', '.jpeg', '.png'] as const;

/**
 * True when the file name ends in one of {@link imageExtensions} (any case).
 *
 * @param file - a file name or path.
 * @returns whether {@link decodeImage} will try it.
 * @example
 * isImageFile('cat.JPG'); // true
 */
export function isImageFile(file: string): boolean {
  const lower = file.toLowerCase();
  return imageExtensions.some((extension) => lower.endsWith(extension));
}

/**
 * Decodes a JPEG (jpeg-js) or PNG (pngjs) file to RGB bytes, dropping any alpha channel and
 * expanding grey to three channels.
 *
 * @param bytes - the file's bytes.
 * @param file - its name, which picks the decoder and appears in errors.
 * @returns `[H, W, 3]` pixels.
 * @throws Error naming the file when the bytes are not a valid JPEG or PNG (the decoder's words quoted).
 * @example
 * const { pixels, height, width } = decodeImage(await readFile('cat.png'), 'cat.png');
 */
export function decodeImage(bytes: Uint8Array, file: string): DecodedImage {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  let rgba: Uint8Array;
  let width: number;
  let height: number;
  if (!isPng && !isJpeg) {
    throw new Error(`decodeImage: ${file} must be a JPEG or PNG file, but its first bytes match neither. Convert it or remove it.`);
  }
  try {
    if (isPng) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      ({ width, height } = png);
      rgba = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    } else {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      ({ width, height } = decoded);
      rgba = decoded.data;
    }
  } catch (error) {
    // The decoders' own messages ("unknown JPEG marker 0") name neither the file nor the fix.
    const said = String((error as Error).message ?? error).replace(/\.$/, '');
    throw new Error(`decodeImage: ${file} must be a valid ${isPng ? 'PNG' : 'JPEG'} file, but the decoder said: ${said}. Re-save it as JPEG or PNG, or remove it.`);
  }
  if (rgba.length < width * height * 4) {
    throw new Error(`decodeImage: ${file} must decode to ${width}×${height} RGBA pixels, but the decoder gave ${rgba.length} bytes. Re-save it as JPEG or PNG, or remove it.`);
  }
  const pixels = new Uint8Array(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel++) {
    pixels[pixel * 3] = rgba[pixel * 4] as number; // rgba holds width × height × 4 bytes, checked above
    pixels[pixel * 3 + 1] = rgba[pixel * 4 + 1] as number;
    pixels[pixel * 3 + 2] = rgba[pixel * 4 + 2] as number;
  }
  return { pixels, height, width };
}
