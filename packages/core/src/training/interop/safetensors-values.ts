import { elementCount, type SafetensorsTensor } from './safetensors-format.js';

/** The float dtypes {@link readFloat32} converts: what PyTorch checkpoints store weights in. */
export const floatDtypes = ['F32', 'F16', 'BF16', 'F64'] as const;

/** The integer dtypes accepted for BN's `num_batches_tracked` (PyTorch stores `I64`; its value is not used). */
export const integerDtypes = ['I64', 'I32', 'U8', 'I8', 'I16', 'U16', 'U32', 'U64'] as const;

/**
 * A float32 tensor for {@link encodeSafetensors}, its values stored little-endian.
 *
 * @param shape - e.g. `[64, 3, 7, 7]` (PyTorch's OIHW for a conv weight).
 * @param values - `shape`'s elements, row-major.
 * @returns the tensor.
 * @example
 * const bias = float32Tensor([2], new Float32Array([0.5, -1]));
 */
export function float32Tensor(shape: readonly number[], values: Float32Array): SafetensorsTensor {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index] ?? 0, true);
  return { dtype: 'F32', shape: [...shape], bytes };
}

/**
 * A 64-bit integer scalar (shape `[]`), as PyTorch stores BN's `num_batches_tracked`.
 *
 * @param value - a non-negative whole number.
 * @returns the tensor.
 * @example
 * const tracked = int64Scalar(0);
 */
export function int64Scalar(value: number): SafetensorsTensor {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt(value), true);
  return { dtype: 'I64', shape: [], bytes };
}

function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/**
 * A float tensor's values as float32 (F32 as is; F16, BF16 and F64 converted).
 *
 * @param tensor - a tensor whose dtype is one of {@link floatDtypes}.
 * @returns its elements, row-major.
 * @throws Error for another dtype (callers check the dtype first and say which file).
 * @example
 * const weight = readFloat32(file.tensors.get('fc.weight')!); // Float32Array of 1000 × 512
 */
export function readFloat32(tensor: SafetensorsTensor): Float32Array {
  const count = elementCount(tensor.shape);
  const view = new DataView(tensor.bytes.buffer, tensor.bytes.byteOffset, tensor.bytes.byteLength);
  const values = new Float32Array(count);
  const scratch = new DataView(new ArrayBuffer(4));
  for (let index = 0; index < count; index++) {
    switch (tensor.dtype) {
      case 'F32':
        values[index] = view.getFloat32(index * 4, true);
        break;
      case 'F64':
        values[index] = view.getFloat64(index * 8, true);
        break;
      case 'F16':
        values[index] = halfToFloat(view.getUint16(index * 2, true));
        break;
      case 'BF16':
        scratch.setUint32(0, view.getUint16(index * 2, true) << 16);
        values[index] = scratch.getFloat32(0);
        break;
      default:
        throw new Error(`readFloat32: tensor must have a float dtype (${floatDtypes.join(', ')}), but got ${tensor.dtype}. Check the dtype first.`);
    }
  }
  return values;
}
