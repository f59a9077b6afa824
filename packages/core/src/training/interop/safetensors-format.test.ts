import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DataError } from '../data/data-error.js';
import { decodeSafetensors, encodeSafetensors, maxSafetensorsHeaderBytes, safetensorsDtypeBytes, type SafetensorsDtype, type SafetensorsTensor } from './safetensors-format.js';
import { float32Tensor } from './safetensors-values.js';

const dtypes = Object.keys(safetensorsDtypeBytes) as SafetensorsDtype[];

const tensorArbitrary: fc.Arbitrary<SafetensorsTensor> = fc
  .record({ dtype: fc.constantFrom(...dtypes), shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }) })
  .chain(({ dtype, shape }) => {
    const length = shape.reduce((product, dim) => product * dim, 1) * safetensorsDtypeBytes[dtype];
    return fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => ({ dtype, shape, bytes }));
  });

const fileArbitrary = fc.record({
  tensors: fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name !== '__metadata__'), tensorArbitrary), {
    selector: ([name]) => name,
    maxLength: 6,
  }),
  metadata: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
});

/** A file from a header object and a data buffer, as an attacker could write it. */
function handMade(header: unknown, data: Uint8Array = new Uint8Array(0), declared?: bigint): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length + data.length);
  new DataView(bytes.buffer).setBigUint64(0, declared ?? BigInt(json.length), true);
  bytes.set(json, 8);
  bytes.set(data, 8 + json.length);
  return bytes;
}

describe('safetensors format', () => {
  test('decode(encode(tensors, metadata)) gives back every tensor, byte for byte, and the metadata', () => {
    fc.assert(
      fc.property(fileArbitrary, ({ tensors, metadata }) => {
        const bytes = encodeSafetensors(new Map(tensors), metadata);
        const headerBytes = Number(new DataView(bytes.buffer).getBigUint64(0, true));
        expect(headerBytes % 8).toBe(0);
        const decoded = decodeSafetensors(bytes, 'x.safetensors');
        expect([...decoded.tensors.keys()].sort()).toEqual(tensors.map(([name]) => name).sort());
        for (const [name, tensor] of tensors) {
          const back = decoded.tensors.get(name);
          expect(back?.dtype).toBe(tensor.dtype);
          expect(back?.shape).toEqual(tensor.shape);
          expect(Array.from(back?.bytes ?? [])).toEqual(Array.from(tensor.bytes));
        }
        expect(decoded.metadata).toEqual(Object.keys(metadata).length > 0 ? metadata : {});
      }),
    );
  });

  test('every tensor starts at a multiple of its element size', () => {
    fc.assert(
      fc.property(fileArbitrary, ({ tensors }) => {
        const bytes = encodeSafetensors(new Map(tensors));
        for (const tensor of decodeSafetensors(bytes, 'x').tensors.values()) {
          expect(tensor.bytes.byteOffset % safetensorsDtypeBytes[tensor.dtype]).toBe(0);
        }
      }),
    );
  });

  test('a truncated or extended file is refused with a DataError, never read past its end', () => {
    fc.assert(
      fc.property(fileArbitrary, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 9 }), ({ tensors, metadata }, cut, extra) => {
        const bytes = encodeSafetensors(new Map(tensors), metadata);
        const truncated = bytes.subarray(0, cut % bytes.length);
        expect(() => decodeSafetensors(truncated, 'cut.safetensors')).toThrow(DataError);
        const extended = new Uint8Array([...bytes, ...extra]);
        expect(() => decodeSafetensors(extended, 'long.safetensors')).toThrow(/must end where its last tensor ends, but \d+ bytes follow it/);
      }),
    );
  });

  test('any corrupted byte gives a valid file or a DataError, never another error', () => {
    fc.assert(
      fc.property(fileArbitrary, fc.nat(), fc.integer({ min: 0, max: 255 }), ({ tensors, metadata }, at, value) => {
        const bytes = encodeSafetensors(new Map(tensors), metadata);
        bytes[at % bytes.length] = value;
        try {
          decodeSafetensors(bytes, 'bad.safetensors');
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
          expect((error as Error).message).toMatch(/^safetensors: bad\.safetensors must .+, but .+\. Write it with residual export or safetensors' save_file\.$/s);
        }
      }),
    );
  });

  test('each rule names the file, the rule and what it found', () => {
    const fix = "Write it with residual export or safetensors' save_file.";
    const four = float32Tensor([1], new Float32Array([1])).bytes;
    expect(() => decodeSafetensors(new Uint8Array(5), 'a.st')).toThrow(`safetensors: a.st must start with an 8-byte header length, but it has 5 bytes. ${fix}`);
    expect(() => decodeSafetensors(handMade({}, new Uint8Array(0), 2n ** 40n), 'a.st')).toThrow(
      `safetensors: a.st must have a header of at most ${maxSafetensorsHeaderBytes} bytes, but its header length says 1099511627776. ${fix}`,
    );
    expect(() => decodeSafetensors(handMade({}, new Uint8Array(0), 100n), 'a.st')).toThrow(`safetensors: a.st must hold its 100-byte header, but the file has 10 bytes. ${fix}`);
    expect(() => decodeSafetensors(handMade([1]), 'a.st')).toThrow('must have a header of UTF-8 JSON text starting with {, but it does not parse');
    expect(() => decodeSafetensors(handMade({ w: { dtype: 'F33', shape: [1], data_offsets: [0, 4] } }, four), 'a.st')).toThrow(
      'must give tensor w a dtype among BOOL, U8, I8, F8_E4M3, F8_E5M2, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, but it has "F33"',
    );
    expect(() => decodeSafetensors(handMade({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, four), 'a.st')).toThrow('must give tensor w a shape of whole numbers, but it has [-1]');
    expect(() => decodeSafetensors(handMade({ w: { dtype: 'F32', shape: [1], data_offsets: [4, 0] } }, four), 'a.st')).toThrow(
      'must give tensor w data_offsets [begin, end] of whole numbers with begin ≤ end, but it has [4,0]',
    );
    expect(() => decodeSafetensors(handMade({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 8] } }, four), 'a.st')).toThrow(
      'must keep tensor w inside the file (4 bytes after the header), but it ends at byte 8',
    );
    expect(() => decodeSafetensors(handMade({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, four), 'a.st')).toThrow('must give tensor w 8 bytes (F32 [2]), but its offsets span 4');
    const two = new Uint8Array(8);
    expect(() =>
      decodeSafetensors(handMade({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, b: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, two), 'a.st'),
    ).toThrow('must have tensors that cover its data exactly, without holes or overlaps, but tensor b starts at byte 0 where byte 4 was expected');
    expect(() => decodeSafetensors(handMade({ __metadata__: { n: 1 } }), 'a.st')).toThrow('must have __metadata__ mapping strings to strings, but it has {"n":1}');
  });

  test('names that are also Object.prototype keys (__proto__, constructor) stay ordinary names', () => {
    // A CI run found it: the writer set header['__proto__'], which changed the header's prototype
    // instead of adding the tensor, so the file had bytes no header entry claimed.
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const tensors = new Map(names.map((name, i) => [name, float32Tensor([1], new Float32Array([i]))]));
    const metadata = Object.fromEntries(names.map((name) => [name, `${name}!`]));
    const decoded = decodeSafetensors(encodeSafetensors(tensors, metadata), 'keys.safetensors');
    expect([...decoded.tensors.keys()].sort()).toEqual([...names].sort());
    expect(names.map((name) => new Float32Array(decoded.tensors.get(name)!.bytes.slice().buffer)[0])).toEqual([0, 1, 2, 3]);
    expect(Object.entries(decoded.metadata).sort()).toEqual(names.map((name) => [name, `${name}!`]).sort());
    expect(Object.getPrototypeOf(decoded.metadata)).toBe(Object.prototype);
  });

  test('the writer refuses bytes that do not match the shape', () => {
    expect(() => encodeSafetensors(new Map([['w', { dtype: 'F32', shape: [2], bytes: new Uint8Array(4) }]]))).toThrow(
      'encodeSafetensors: tensor w must hold 8 bytes (F32 [2]), but got 4. Pass bytes that match the shape and dtype.',
    );
  });
});
