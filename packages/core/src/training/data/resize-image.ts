/**
 * Resizes one image with bilinear interpolation (half-pixel centres, as `tf.image.resizeBilinear`
 * with `halfPixelCenters: true`).
 *
 * @param pixels - `[H, W, C]` bytes.
 * @param from - `[H, W, C]` of `pixels`.
 * @param to - the target `[height, width]`.
 * @returns `[height, width, C]` bytes.
 * @example
 * const small = resizeImage(photo, [375, 500, 3], [32, 32]); // 32×32×3 bytes
 */
export function resizeImage(
  pixels: Uint8Array,
  from: readonly [number, number, number],
  to: readonly [number, number],
): Uint8Array {
  const [height, width, channels] = from;
  const [outHeight, outWidth] = to;
  if (pixels.length !== height * width * channels) {
    throw new Error(`resizeImage: pixels must hold ${height}×${width}×${channels} bytes, but got ${pixels.length}. Pass the image's own shape as from.`);
  }
  const out = new Uint8Array(outHeight * outWidth * channels);
  const scaleY = height / outHeight;
  const scaleX = width / outWidth;
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sy - y0;
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sx - x0;
      for (let c = 0; c < channels; c++) {
        const at = (row: number, col: number) => pixels[(row * width + col) * channels + c] as number; // row < height, col < width
        const top = at(y0, x0) * (1 - fx) + at(y0, x1) * fx;
        const bottom = at(y1, x0) * (1 - fx) + at(y1, x1) * fx;
        out[(y * outWidth + x) * channels + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}
