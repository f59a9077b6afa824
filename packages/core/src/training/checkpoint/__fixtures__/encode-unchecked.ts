/**
 * Writes a checkpoint as `encodeCheckpoint` does (magic, header length, space-padded JSON header,
 * little-endian float32 values) but without its checks — to make the damaged or foreign files the
 * readers must refuse (test fixture).
 */
export function encodeUnchecked(header: unknown, values: readonly Float32Array[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const body = values.reduce((sum, array) => sum + array.length * 4, 0);
  const bytes = new Uint8Array(12 + headerBytes + body).fill(0x20, 12, 12 + headerBytes);
  bytes.set(new TextEncoder().encode('RESIDUAL'), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, headerBytes, true);
  bytes.set(json, 12);
  let offset = 12 + headerBytes;
  for (const array of values) {
    for (const value of array) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}
