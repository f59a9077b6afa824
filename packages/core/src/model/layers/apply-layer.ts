import type * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { Sym } from './sym.js';

/** Applies a TF.js layer to symbolic tensors and wraps the result with its compile-time shape. */
export function applyLayer<OutShape extends Shape>(
  layer: tfl.layers.Layer,
  inputs: Sym | readonly Sym[],
): Sym<OutShape> {
  const symbolic = Array.isArray(inputs)
    ? inputs.map((item: Sym) => item.tensor)
    : (inputs as Sym).tensor;
  const output = layer.apply(symbolic);
  if (Array.isArray(output) || !(output instanceof Object) || !('sourceLayer' in output)) {
    throw new Error(`${layer.name}: the layer must return one symbolic tensor, but got another value. This is a bug in @residual/core.`);
  }
  return new Sym<OutShape>(output as tfl.SymbolicTensor);
}
