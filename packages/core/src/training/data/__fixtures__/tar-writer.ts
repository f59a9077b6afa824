/** Writes a minimal POSIX ustar archive (test fixture for the tar reader and the CIFAR-10 extraction). */
export function writeTar(files: ReadonlyArray<{ path: string; bytes: Uint8Array; type?: string }>): Uint8Array {
  const blocks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const file of files) {
    const header = new Uint8Array(512);
    const put = (text: string, offset: number) => header.set(encoder.encode(text), offset);
    put(file.path, 0);
    put('0000644\0', 100);
    put('0000000\0', 108);
    put('0000000\0', 116);
    put(`${file.bytes.length.toString(8).padStart(11, '0')}\0`, 124);
    put('00000000000\0', 136);
    put(file.type ?? '0', 156);
    put('ustar\0', 257);
    put('00', 263);
    header.fill(0x20, 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header);
    const body = new Uint8Array(Math.ceil(file.bytes.length / 512) * 512);
    body.set(file.bytes);
    blocks.push(body);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((total, block) => total + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

/**
 * Rewrites one field of the header at `headerOffset` and recomputes its checksum, so that a reader
 * gets past the checksum to the field (test fixture for malformed archives).
 */
export function patchTarHeader(archive: Uint8Array, headerOffset: number, field: { offset: number; length: number }, value: Uint8Array | string): Uint8Array {
  const out = archive.slice();
  const header = out.subarray(headerOffset, headerOffset + 512);
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  header.fill(0, field.offset, field.offset + field.length);
  header.set(bytes.subarray(0, field.length), field.offset);
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return out;
}

/** Where the fields that matter are in a ustar header. */
export const tarFields = {
  name: { offset: 0, length: 100 },
  size: { offset: 124, length: 12 },
  type: { offset: 156, length: 1 },
  prefix: { offset: 345, length: 155 },
} as const;
