import { DataError } from '../data/data-error.js';

// The safetensors format (Hugging Face, https://github.com/huggingface/safetensors#format): an
// unsigned 64-bit little-endian header length N, N bytes of UTF-8 JSON (an object, padded with
// spaces), then the tensors' bytes, little-endian, row-major. The JSON maps each tensor's name to
// `{ dtype, shape, data_offsets: [begin, end] }` (offsets into the byte buffer after the header);
// the optional `__metadata__` entry maps strings to strings. The buffer must be covered exactly:
// no holes, no overlaps (what rules out polyglot files). No npm package reads and writes it soundly
// (the one named `safetensors` is a 0.0.1 browser-only reader that checks nothing), so this is a
// small reader and writer with property tests beside it.

/** Bytes per element of each dtype the format defines. */
export const safetensorsDtypeBytes = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
} as const;

/** A dtype of the format: `F32`, `F16`, `BF16`, `I64`, … */
export type SafetensorsDtype = keyof typeof safetensorsDtypeBytes;

/** One stored tensor: its dtype, shape and little-endian bytes (row-major). */
export interface SafetensorsTensor {
  readonly dtype: SafetensorsDtype;
  readonly shape: readonly number[];
  readonly bytes: Uint8Array;
}

/** A decoded file: tensors by name, in file order, and the `__metadata__` strings. */
export interface SafetensorsFile {
  readonly tensors: ReadonlyMap<string, SafetensorsTensor>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The largest header accepted: 100 MB, the limit of the reference implementation. */
export const maxSafetensorsHeaderBytes = 100_000_000;

const isDtype = (value: unknown): value is SafetensorsDtype => typeof value === 'string' && Object.hasOwn(safetensorsDtypeBytes, value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The number of elements of a shape (1 for a scalar `[]`). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/**
 * Serialises tensors as a safetensors file. Tensors with 8-byte elements come first, then 4-, 2-
 * and 1-byte ones (each group in the given order), so every tensor starts at a multiple of its
 * element size; the header is padded with spaces to a multiple of 8 bytes.
 *
 * @param tensors - name → tensor; `bytes.length` must equal the shape's elements × the dtype's size.
 * @param metadata - strings stored under `__metadata__` (e.g. `{ format: 'pt' }`).
 * @returns the file's bytes.
 * @throws Error when a tensor's bytes do not match its shape and dtype.
 * @example
 * const bytes = encodeSafetensors(new Map([['fc.bias', float32Tensor([2], new Float32Array([0.5, -1]))]]), { format: 'pt' });
 */
export function encodeSafetensors(
  tensors: ReadonlyMap<string, SafetensorsTensor>,
  metadata: Readonly<Record<string, string>> = {},
): Uint8Array {
  const entries = [...tensors].sort(([, a], [, b]) => safetensorsDtypeBytes[b.dtype] - safetensorsDtypeBytes[a.dtype]);
  // Entries, then Object.fromEntries: any name (even `__proto__`) becomes an own key of the header.
  const header: Array<[string, unknown]> = [];
  if (Object.keys(metadata).length > 0) header.push(['__metadata__', { ...metadata }]);
  let offset = 0;
  for (const [name, tensor] of entries) {
    if (name === '__metadata__') throw new Error('encodeSafetensors: a tensor name must not be __metadata__, but got it. Rename the tensor.');
    const expected = elementCount(tensor.shape) * safetensorsDtypeBytes[tensor.dtype];
    if (!tensor.shape.every(isCount) || tensor.bytes.length !== expected) {
      throw new Error(
        `encodeSafetensors: tensor ${name} must hold ${expected} bytes (${tensor.dtype} [${tensor.shape.join(', ')}]), but got ${tensor.bytes.length}. ` +
          'Pass bytes that match the shape and dtype.',
      );
    }
    header.push([name, { dtype: tensor.dtype, shape: [...tensor.shape], data_offsets: [offset, offset + tensor.bytes.length] }]);
    offset += tensor.bytes.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(Object.fromEntries(header)));
  const headerBytes = Math.ceil(json.length / 8) * 8;
  const bytes = new Uint8Array(8 + headerBytes + offset);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(headerBytes), true);
  bytes.fill(0x20, 8, 8 + headerBytes);
  bytes.set(json, 8);
  let at = 8 + headerBytes;
  for (const [, tensor] of entries) {
    bytes.set(tensor.bytes, at);
    at += tensor.bytes.length;
  }
  return bytes;
}

/**
 * Parses a safetensors file and checks it before anything uses it: the header length is at most
 * {@link maxSafetensorsHeaderBytes} and fits in the file; the header is a UTF-8 JSON object; each
 * tensor has a known dtype, a shape of whole numbers, and offsets inside the file whose length
 * matches its shape; the tensors cover the byte buffer exactly (no hole, no overlap); the metadata
 * maps strings to strings. The tensors' bytes are views into `bytes`.
 *
 * @param bytes - the whole file.
 * @param file - its name, for messages.
 * @returns the tensors by name and the metadata.
 * @throws DataError `safetensors: <file> must …, but …` naming what is wrong.
 * @example
 * const { tensors, metadata } = decodeSafetensors(await readFile('model.safetensors'), 'model.safetensors');
 */
export function decodeSafetensors(bytes: Uint8Array, file: string): SafetensorsFile {
  const fail = (rule: string, got: string) =>
    new DataError(`safetensors: ${file} must ${rule}, but ${got}. Write it with residual export or safetensors' save_file.`);
  if (bytes.length < 8) throw fail('start with an 8-byte header length', `it has ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  if (declared > BigInt(maxSafetensorsHeaderBytes)) {
    throw fail(`have a header of at most ${maxSafetensorsHeaderBytes} bytes`, `its header length says ${declared}`);
  }
  const headerBytes = Number(declared);
  if (8 + headerBytes > bytes.length) throw fail(`hold its ${headerBytes}-byte header`, `the file has ${bytes.length} bytes`);
  let header: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerBytes));
    if (!text.startsWith('{')) throw new Error('not an object');
    header = JSON.parse(text);
  } catch {
    throw fail('have a header of UTF-8 JSON text starting with {', 'it does not parse');
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw fail('have a JSON object as its header', 'it has another value');
  const bufferBytes = bytes.length - 8 - headerBytes;
  let metadata: Record<string, string> = {};
  const spans: Array<{ name: string; begin: number; end: number; dtype: SafetensorsDtype; shape: number[] }> = [];
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || Object.values(entry).some((value) => typeof value !== 'string')) {
        throw fail('have __metadata__ mapping strings to strings', `it has ${JSON.stringify(entry)?.slice(0, 80)}`);
      }
      metadata = Object.fromEntries(Object.entries(entry)); // own keys only, even `__proto__`
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = (entry ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (!isDtype(dtype)) throw fail(`give tensor ${name} a dtype among ${Object.keys(safetensorsDtypeBytes).join(', ')}`, `it has ${JSON.stringify(dtype)}`);
    if (!Array.isArray(shape) || !shape.every(isCount)) throw fail(`give tensor ${name} a shape of whole numbers`, `it has ${JSON.stringify(shape)}`);
    const [begin, end] = Array.isArray(offsets) && offsets.length === 2 && offsets.every(isCount) ? (offsets as [number, number]) : [1, 0];
    if (begin > end) throw fail(`give tensor ${name} data_offsets [begin, end] of whole numbers with begin ≤ end`, `it has ${JSON.stringify(offsets)}`);
    if (end > bufferBytes) throw fail(`keep tensor ${name} inside the file (${bufferBytes} bytes after the header)`, `it ends at byte ${end}`);
    const expected = elementCount(shape) * safetensorsDtypeBytes[dtype];
    if (end - begin !== expected) {
      throw fail(`give tensor ${name} ${expected} bytes (${dtype} [${shape.join(', ')}])`, `its offsets span ${end - begin}`);
    }
    spans.push({ name, begin, end, dtype, shape });
  }
  let covered = 0;
  for (const span of [...spans].sort((a, b) => a.begin - b.begin || a.end - b.end)) {
    if (span.begin !== covered) {
      throw fail('have tensors that cover its data exactly, without holes or overlaps', `tensor ${span.name} starts at byte ${span.begin} where byte ${covered} was expected`);
    }
    covered = span.end;
  }
  if (covered !== bufferBytes) throw fail('end where its last tensor ends', `${bufferBytes - covered} bytes follow it`);
  const start = 8 + headerBytes;
  const tensors = new Map<string, SafetensorsTensor>();
  for (const { name, begin, end, dtype, shape } of spans) {
    tensors.set(name, { dtype, shape, bytes: bytes.subarray(start + begin, start + end) });
  }
  return { tensors, metadata };
}
