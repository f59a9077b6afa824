import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn } from './__fixtures__/kernel-harness.js';
import { registerTrainingKernels, unregisterTrainingKernels } from './register-training-kernels.js';

type Padding = 'same' | 'valid' | number;

/** A forward convolution small enough for the cpu reference, with a non-empty output. */
const convCase = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    height: fc.integer({ min: 1, max: 7 }),
    width: fc.integer({ min: 1, max: 7 }),
    inChannels: fc.integer({ min: 1, max: 4 }),
    outChannels: fc.integer({ min: 1, max: 4 }),
    kernelHeight: fc.integer({ min: 1, max: 4 }),
    kernelWidth: fc.integer({ min: 1, max: 4 }),
    stride: fc.constantFrom(1, 2),
    strideWidth: fc.constantFrom(1, 2, 3),
    pad: fc.oneof(fc.constantFrom<Padding>('same', 'valid'), fc.integer({ min: 0, max: 2 })),
    channelsFirst: fc.boolean(),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  // TF.js's numeric padding computes both output sizes from the kernel height and row stride
  // (conv_util computeOutputShape2D), so it is only defined for square kernels and equal strides.
  .map((c) => (typeof c.pad === 'number' ? { ...c, kernelWidth: c.kernelHeight, strideWidth: c.stride } : c))
  .filter((c) => {
    const info = tf.backend_util.computeConv2DInfo(
      [c.batch, c.height, c.width, c.inChannels],
      [c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels],
      [c.stride, c.strideWidth],
      1,
      c.pad,
    );
    return info.outHeight > 0 && info.outWidth > 0;
  });

type ConvCase = typeof convCase extends fc.Arbitrary<infer Case> ? Case : never;

function shapes(c: ConvCase) {
  const info = tf.backend_util.computeConv2DInfo(
    [c.batch, c.height, c.width, c.inChannels],
    [c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels],
    [c.stride, c.strideWidth],
    1,
    c.pad,
  );
  const nhwc = (shape: number[]) => (c.channelsFirst ? [shape[0], shape[3], shape[1], shape[2]] : shape) as number[];
  return {
    x: nhwc([c.batch, c.height, c.width, c.inChannels]),
    dy: nhwc([c.batch, info.outHeight, info.outWidth, c.outChannels]),
    filter: [c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels],
  };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

describe('Conv2DBackpropFilter on wasm (built on XNNPACK Conv2D)', () => {
  it('stock TF.js 4.22 wasm has none: without ours, a conv gradient fails', async () => {
    await tf.setBackend('wasm');
    const x = tf.ones([1, 4, 4, 1]);
    const filter = tf.ones([3, 3, 1, 1]);
    unregisterTrainingKernels('wasm');
    try {
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] };
      expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: x }, attrs)).toThrow(
        /Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'/,
      );
    } finally {
      registerTrainingKernels('wasm');
    }
    const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same')))(filter);
    // Each tap of a 3×3 'same' filter over a 4×4 ones image sees 9, 12 or 16 pixels.
    expect(Array.from(await grad.data())).toEqual([9, 12, 9, 12, 16, 12, 9, 12, 9]);
    tf.dispose([x, filter, grad]);
  });

  it('equals the cpu reference for strides 1/2/3, same/valid/numeric padding, NHWC and NCHW', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
        const { x, dy, filter } = shapes(c);
        const inputs = { x: hostTensor(x, c.seed), dy: hostTensor(dy, c.seed + 1) };
        const attrs = { strides: [c.stride, c.strideWidth], pad: c.pad, dataFormat: c.channelsFirst ? 'NCHW' : 'NHWC', filterShape: filter };
        // The cpu reference only speaks NHWC; NCHW cases compare against it through transposes.
        const reference = c.channelsFirst
          ? await runKernelOn('cpu', 'Conv2DBackpropFilter', toNhwc(inputs), { ...attrs, dataFormat: 'NHWC' }, true)
          : await runKernelOn('cpu', 'Conv2DBackpropFilter', inputs, attrs, true);
        const ours = await runKernelOn('wasm', 'Conv2DBackpropFilter', inputs, attrs);
        expect(ours.shape).toEqual(filter);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 120 },
    );
  });
});

describe('Conv2DBackpropInput on wasm (a stride-1 Conv2D of the dilated gradient)', () => {
  it('equals the cpu reference for strides 1/2/3, same/valid/numeric padding, NHWC and NCHW', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
        const { x, dy, filter } = shapes(c);
        const inputs = { dy: hostTensor(dy, c.seed), filter: hostTensor(filter, c.seed + 1) };
        const attrs = { strides: [c.stride, c.strideWidth], pad: c.pad, dataFormat: c.channelsFirst ? 'NCHW' : 'NHWC', inputShape: x };
        const ours = await runKernelOn('wasm', 'Conv2DBackpropInput', inputs, attrs);
        const nhwcShape = c.channelsFirst ? [x[0], x[2], x[3], x[1]] : x;
        const reference = await runKernelOn(
          'cpu',
          'Conv2DBackpropInput',
          c.channelsFirst ? { dy: transpose(inputs.dy, [0, 2, 3, 1]), filter: inputs.filter } : inputs,
          { ...attrs, dataFormat: 'NHWC', inputShape: nhwcShape },
          true,
        );
        expect(ours.shape).toEqual(x);
        const oursNhwc = c.channelsFirst ? transpose(ours, [0, 2, 3, 1]) : ours;
        expect(maxRelativeError(oursNhwc, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 120 },
    );
  });
});

function toNhwc(inputs: Record<string, { shape: number[]; data: Float32Array }>) {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, transpose(value, [0, 2, 3, 1])]));
}

/** A host-side transpose (independent of any backend). */
function transpose(value: { shape: number[]; data: Float32Array }, perm: number[]) {
  const shape = perm.map((axis) => value.shape[axis] ?? 1);
  const inStrides = value.shape.map((_, axis) => value.shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const data = new Float32Array(value.data.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < data.length; flat++) {
    let source = 0;
    perm.forEach((axis, position) => (source += (index[position] ?? 0) * (inStrides[axis] ?? 0)));
    data[flat] = value.data[source] ?? 0;
    for (let position = shape.length - 1; position >= 0; position--) {
      index[position] = (index[position] ?? 0) + 1;
      if ((index[position] ?? 0) < (shape[position] ?? 1)) break;
      index[position] = 0;
    }
  }
  return { shape, data };
}

describe('Conv2DBackpropFilter on cpu (replacing the stock loop, ~10× slower)', () => {
  it('equals the stock cpu kernel', async () => {
    registerTrainingKernels('cpu');
    try {
      await fc.assert(
        fc.asyncProperty(
          convCase.filter((c) => !c.channelsFirst),
          async (c) => {
            const { x, dy, filter } = shapes(c);
            const inputs = { x: hostTensor(x, c.seed), dy: hostTensor(dy, c.seed + 1) };
            const attrs = { strides: [c.stride, c.strideWidth], pad: c.pad, dataFormat: 'NHWC', filterShape: filter };
            const ours = await runKernelOn('cpu', 'Conv2DBackpropFilter', inputs, attrs);
            const reference = await runKernelOn('cpu', 'Conv2DBackpropFilter', inputs, attrs, true);
            expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      unregisterTrainingKernels('cpu');
    }
  });
});
