import * as tf from '@tensorflow/tfjs-core';

/** A float32 tensor of `rank` ones-dimensions holding `value`. */
function filled(value: number, rank: number): tf.Tensor {
  return tf.tensor(new Float32Array([value]), new Array<number>(rank).fill(1));
}

/**
 * `x · scale + offset` element-wise in one kernel. TF.js has no fused multiply-add op, and
 * `tf.add(tf.mul(x, a), b)` runs two kernels (each a GPU dispatch and a pass over memory); its
 * batch-norm kernel computes `(x − mean) · scale / √(variance + ε) + offset` with broadcasting, so
 * with mean and variance 0 and ε 1 it is exactly a multiply-add. Used by the optimiser's updates and
 * batch norm's running statistics and gradient.
 *
 * @param x - a float32 tensor (other ranks and dtypes: two kernels, as `tf.add(tf.mul(x, scale), offset)`)
 * @param scale - a number, or a tensor broadcast along the last axis (`[C]`) or of x's shape
 * @param offset - a tensor of x's shape (or broadcastable to it, with x's rank)
 * @returns `x · scale + offset`, the shape of x
 * @example
 * const velocity2 = multiplyAdd(velocity, 0.9, grad); // 0.9·v + g
 * const weights2 = multiplyAdd(velocity2, -lr, weights); // w − lr·v
 */
export function multiplyAdd(x: tf.Tensor, scale: number | tf.Tensor, offset: tf.Tensor): tf.Tensor {
  if (x.rank < 1 || x.rank > 4 || x.dtype !== 'float32') return tf.tidy(() => tf.add(tf.mul(x, scale), offset)); // the kernel's ranks: 1–4
  const ones = new Array<number>(x.rank).fill(1);
  return tf.tidy(() => {
    const zero = filled(0, x.rank); // the mean and the variance: (x − 0) · scale / √(0 + 1) + offset
    const scaleTensor = typeof scale === 'number' ? filled(scale, x.rank) : scale;
    const scaleOfRank = scaleTensor.rank === x.rank ? scaleTensor : tf.reshape(scaleTensor, [...ones.slice(1), scaleTensor.size]);
    const offsetOfRank = offset.rank === x.rank ? offset : tf.reshape(offset, x.shape);
    // The kernel, not tf.batchNorm: that op reshapes x to 4-D, and the wasm backend then remembers
    // the 4-D shape for the result's data (a variable assigned from it looks 4-D to later kernels).
    const inputs = { x, mean: zero, variance: zero, offset: offsetOfRank, scale: scaleOfRank };
    return tf.engine().runKernel(tf.FusedBatchNorm, inputs as unknown as tf.NamedTensorMap, { varianceEpsilon: 1 }) as tf.Tensor;
  });
}
