import { describe, expect, test } from 'vitest';
import { float32Tensor, int64Scalar, readFloat32 } from './safetensors-values.js';

const bytesOf = (...values: number[]) => new Uint8Array(values);

describe('safetensors values', () => {
  test('F32 round-trips little-endian', () => {
    const values = new Float32Array([0, -1.5, 3.25e-8, 65504, Number.NaN]);
    const tensor = float32Tensor([5], values);
    expect(Array.from(tensor.bytes.subarray(4, 8))).toEqual([0, 0, 0xc0, 0xbf]); // -1.5 = 0xbfc00000
    expect(Array.from(readFloat32(tensor))).toEqual(Array.from(values));
  });

  test('F16, BF16 and F64 become float32', () => {
    // F16: 1.0 = 0x3c00, -2 = 0xc000, 65504 = 0x7bff, smallest subnormal 2^-24 = 0x0001, -inf = 0xfc00
    expect(Array.from(readFloat32({ dtype: 'F16', shape: [5], bytes: bytesOf(0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x01, 0x00, 0x00, 0xfc) }))).toEqual([1, -2, 65504, 2 ** -24, -Infinity]);
    // BF16: the top 16 bits of a float32: 1.0 = 0x3f80, -0.5 = 0xbf00
    expect(Array.from(readFloat32({ dtype: 'BF16', shape: [2], bytes: bytesOf(0x80, 0x3f, 0x00, 0xbf) }))).toEqual([1, -0.5]);
    const f64 = new Uint8Array(new Float64Array([0.1, -7]).buffer);
    expect(Array.from(readFloat32({ dtype: 'F64', shape: [2], bytes: f64 }))).toEqual([Math.fround(0.1), -7]);
  });

  test('an integer tensor is not read as floats; int64Scalar is 8 little-endian bytes of shape []', () => {
    expect(() => readFloat32({ dtype: 'I64', shape: [], bytes: new Uint8Array(8) })).toThrow('readFloat32: tensor must have a float dtype (F32, F16, BF16, F64), but got I64. Check the dtype first.');
    expect(int64Scalar(258)).toEqual({ dtype: 'I64', shape: [], bytes: bytesOf(2, 1, 0, 0, 0, 0, 0, 0) });
  });
});
