import * as tf from '@tensorflow/tfjs-core';
import { residualConv2d, residualConv2dKernelName } from '../engine/ops/residual-conv2d.js';
import type { EpilogueActivation } from '../engine/kernels/webgpu/epilogue-wgsl.js';
import { compareKernel, compareOnBackends, seededTensor, type BackendRun, type KernelComparison, type SeededInput } from './compare-kernel.js';

/** The convolution kernels Residual provides on webgpu. */
export type ConvKernelName = 'Conv2D' | 'FusedConv2D' | 'Conv2DBackpropInput' | 'Conv2DBackpropFilter';

/** One NHWC convolution to check; the kernel's inputs are drawn from `seed`. */
export interface ConvCase {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  /** TF.js padding: `'same'`, `'valid'`, or zeros per side (square filters and equal strides only). */
  readonly pad: 'same' | 'valid' | number;
  /** `FusedConv2D` only: the activation (default linear) and whether a bias is added. */
  readonly activation?: EpilogueActivation;
  readonly bias?: boolean;
  readonly seed: number;
}

/** What {@link compareConvKernel} found. */
export type ConvComparison = KernelComparison;

/** The kernel's inputs (shapes and seeds) and attributes for one case. */
function kernelCall(name: ConvKernelName, c: ConvCase) {
  const xShape = [c.batch, c.height, c.width, c.inChannels]; // [N, H, W, C]
  const filterShape: [number, number, number, number] = [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels];
  const strides: [number, number] = [c.strideHeight, c.strideWidth];
  const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape, strides, 1, c.pad);
  const common = { strides, pad: c.pad, dataFormat: 'NHWC' };
  const inputs: Record<string, SeededInput> = {};
  let attrs: tf.NamedAttrMap;
  if (name === 'Conv2DBackpropInput') {
    inputs['dy'] = [info.outShape, c.seed];
    inputs['filter'] = [filterShape, c.seed + 1];
    attrs = { ...common, inputShape: xShape };
  } else if (name === 'Conv2DBackpropFilter') {
    inputs['x'] = [xShape, c.seed];
    inputs['dy'] = [info.outShape, c.seed + 1];
    attrs = { ...common, filterShape };
  } else {
    inputs['x'] = [xShape, c.seed];
    inputs['filter'] = [filterShape, c.seed + 1];
    attrs = { ...common, dilations: [1, 1] };
    if (name === 'FusedConv2D') {
      attrs = { ...attrs, activation: c.activation ?? 'linear', leakyreluAlpha: 0.3 };
      if (c.bias === true) inputs['bias'] = [[c.outChannels], c.seed + 2];
    }
  }
  return { inputs, attrs };
}

/**
 * Runs one convolution kernel on the webgpu backend and on a reference backend (default cpu) with
 * the same seeded inputs, and measures how far apart they are. Both backends must be registered;
 * the active backend is left as `webgpu`.
 *
 * @param name - the kernel.
 * @param convCase - shapes, strides, padding, epilogue and seed.
 * @param reference - the backend to trust; default `'cpu'`.
 * @returns the output shape, the largest relative difference, and whether Residual's shader ran.
 * @example
 * const { maxError, ranResidual } = await compareConvKernel('Conv2DBackpropFilter', {
 *   batch: 2, height: 8, width: 8, inChannels: 4, outChannels: 8, filterHeight: 3, filterWidth: 3,
 *   strideHeight: 2, strideWidth: 2, pad: 'same', seed: 1,
 * }); // maxError ≈ 1e-7, ranResidual: true
 */
export async function compareConvKernel(name: ConvKernelName, convCase: ConvCase, reference = 'cpu'): Promise<ConvComparison> {
  const { inputs, attrs } = kernelCall(name, convCase);
  return compareKernel(name, inputs, attrs, reference);
}

/** `residualConv2d` on `backend` with the case's seeded inputs and a seeded residual. */
async function residualConvOn(backend: string, c: ConvCase): Promise<BackendRun> {
  await tf.setBackend(backend);
  const { inputs, attrs } = kernelCall('FusedConv2D', c);
  const [x, filter, bias] = [inputs['x'], inputs['filter'], inputs['bias']].map((input) => (input === undefined ? null : seededTensor(input)));
  const strides = attrs['strides'] as [number, number];
  const outShape = tf.backend_util.computeConv2DInfo(x?.shape as [number, number, number, number], filter?.shape as [number, number, number, number], strides, 1, c.pad).outShape;
  const residual = seededTensor([outShape, c.seed + 3]) as tf.Tensor4D; // [N, H′, W′, C′]
  const activation = c.activation === 'relu' ? 'relu' : 'linear';
  const y = residualConv2d({ x: x as tf.Tensor4D, filter: filter as tf.Tensor4D, bias: bias as tf.Tensor1D | null, residual, strides, pad: c.pad, dilations: [1, 1], activation });
  const result = { shape: y.shape, data: (await y.data()) as Float32Array };
  tf.dispose([y, residual, ...[x, filter, bias].filter((each): each is tf.Tensor => each !== null)]);
  return result;
}

/**
 * Runs `residualConv2d` (a block's last convolution with its bias, residual add and ReLU; a ReLU
 * when the case's activation is `relu`, none otherwise) on webgpu, where Residual's
 * `ResidualConv2D` kernel does it in one program, and on a reference backend (default cpu), where
 * it is a fused convolution, an add and a ReLU. Leaves `webgpu` active.
 *
 * @param convCase - shapes, strides, padding, bias, activation and seed.
 * @param reference - the backend to trust; default `'cpu'`.
 * @returns the output shape, the largest relative difference, and whether Residual's shader ran.
 * @example
 * const { maxError, ranResidual } = await compareResidualConv2d({ ...convCase, activation: 'relu', bias: true });
 */
export async function compareResidualConv2d(convCase: ConvCase, reference = 'cpu'): Promise<ConvComparison> {
  return compareOnBackends(residualConv2dKernelName, (backend) => residualConvOn(backend, convCase), reference);
}
