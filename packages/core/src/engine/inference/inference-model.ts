import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { assertShape } from '@residual/shapes';
import { findLayerWeight, layerWeight } from '../../model/layers/layer-weight.js';
import { residualConv2d } from '../ops/residual-conv2d.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { inferencePlan, type ConvStep, type InferenceStep } from './inference-plan.js';
import { layerGraph } from './layer-graph.js';

/** Which layers one fused convolution stands for, by name. */
export interface Fusion {
  readonly conv: string;
  readonly pad: string | null;
  readonly batchNorm: string | null;
  /** the residual add whose other input the convolution adds as it stores */
  readonly add: string | null;
  readonly relu: string | null;
}

/** A model's inference with batch norms folded into their convolutions; see {@link inferenceModel}. */
export interface InferenceModel {
  /**
   * The model's output for a batch, batch norm in inference mode.
   *
   * @param x - `[N, H, W, C]`
   * @returns what `model.predict(x)` returns, up to float rounding (e.g. `[N, K]` logits)
   */
  predict(x: tf.Tensor): tf.Tensor;
  /** one entry per fused convolution */
  readonly fusions: readonly Fusion[];
  /** Frees the folded weights (the model's own weights are untouched). */
  dispose(): void;
}

interface FoldedConv {
  readonly step: ConvStep;
  readonly filter: tf.Tensor4D;
  readonly bias: tf.Tensor1D | null;
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly pad: 'same' | 'valid' | number;
}

function foldStep(step: ConvStep): FoldedConv {
  const c = step.conv.getConfig() as { strides: [number, number]; dilationRate: [number, number] | number; padding: 'same' | 'valid' };
  const filter = layerWeight(step.conv, 'kernel', 'inferenceModel').read() as tf.Tensor4D; // [K_h, K_w, C, C′]
  const bias = (findLayerWeight(step.conv, 'bias')?.read() ?? null) as tf.Tensor1D | null; // [C′]
  const dilations: [number, number] = typeof c.dilationRate === 'number' ? [c.dilationRate, c.dilationRate] : c.dilationRate;
  const common = { step, strides: c.strides, dilations, pad: step.padding ?? c.padding };
  const bn = step.batchNorm;
  if (bn === null) return { ...common, filter: tf.clone(filter), bias: bias === null ? null : tf.clone(bias) };
  const channels = filter.shape[3];
  const optional = (name: string, fill: number) => (findLayerWeight(bn, name)?.read() ?? tf.fill([channels], fill)) as tf.Tensor1D;
  const folded = tf.tidy(() =>
    foldBatchNorm(filter, bias, {
      gamma: optional('gamma', 1),
      beta: optional('beta', 0),
      mean: layerWeight(bn, 'moving_mean', 'inferenceModel').read() as tf.Tensor1D,
      variance: layerWeight(bn, 'moving_variance', 'inferenceModel').read() as tf.Tensor1D,
      epsilon: (bn.getConfig() as { epsilon: number }).epsilon,
    }),
  );
  return { ...common, ...folded };
}

/** One fused convolution: `[N, H, W, C]` → `[N, H′, W′, C′]`, plus the residual `[N, H′, W′, C′]` when an add was folded in. */
function runConv(conv: FoldedConv, x: tf.Tensor, residual: tf.Tensor | undefined): tf.Tensor4D {
  const common = { x: x as tf.Tensor4D, filter: conv.filter, strides: conv.strides, pad: conv.pad, dilations: conv.dilations };
  const activation = conv.step.relu === null ? 'linear' : 'relu';
  if (residual !== undefined) return residualConv2d({ ...common, bias: conv.bias, residual: residual as tf.Tensor4D, activation });
  return tf.fused.conv2d({ ...common, ...(conv.bias === null ? {} : { bias: conv.bias }), activation });
}

/** A layer as the model runs it in inference mode. */
function runLayer(layer: tfl.layers.Layer, inputs: tf.Tensor[]): tf.Tensor {
  const output = layer.apply(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs, { training: false });
  if (!(output instanceof tf.Tensor)) {
    throw new Error(`inferenceModel: layer ${layer.name} must return one tensor, but got ${Array.isArray(output) ? `${output.length}` : 'a symbolic tensor'}. Run the model with model.predict.`);
  }
  return output;
}

/**
 * Compiles a model for inference: each convolution, with the zero padding before it, the batch
 * norm after it and the ReLU after that, runs as **one** fused TF.js kernel (`FusedConv2D`: the
 * batch norm folded into the weights and bias, the ReLU as its activation) where `model.predict`
 * runs up to four. A block's last convolution also takes in the residual add and the ReLU after it
 * (`residualConv2d`: one kernel on webgpu with Residual's kernels, three elsewhere). Other layers
 * run as they are. The folded weights are a snapshot (compile again after training changes the
 * model) and a copy: up to as much memory again as the model's convolution weights, until `dispose`.
 *
 * @param model - a one-input, one-output functional model (any model of this project).
 * @returns `predict`, the fusions made, and `dispose`.
 * @example
 * ```ts
 * const model = buildModel('resnet20');
 * const inference = inferenceModel(model.layersModel);
 * const logits = inference.predict(tf.zeros([8, 32, 32, 3])); // [8, 10], as model.predict
 * inference.fusions.length; // 21 convolutions, each with its batch norm; 9 also end a block's add
 * inference.dispose();
 * ```
 */
export function inferenceModel(model: tfl.LayersModel): InferenceModel {
  const graph = layerGraph(model);
  const steps = inferencePlan(graph);
  const folded = new Map<ConvStep, FoldedConv>();
  for (const step of steps) if (step.kind === 'conv') folded.set(step, foldStep(step));
  const lastRead = new Map<number, number>();
  const inputsOf = (step: InferenceStep): readonly number[] =>
    step.kind === 'layer' ? step.inputs : step.residual === null ? [step.input] : [step.input, step.residual];
  steps.forEach((step, index) => {
    for (const id of inputsOf(step)) lastRead.set(id, index);
  });
  return {
    fusions: [...folded.values()].map(({ step }) => ({
      conv: step.conv.name,
      pad: step.pad?.name ?? null,
      batchNorm: step.batchNorm?.name ?? null,
      add: step.add?.name ?? null,
      relu: step.relu?.name ?? null,
    })),
    predict(x: tf.Tensor): tf.Tensor {
      const expected = graph.shapes.get(graph.input) ?? [];
      assertShape('inferenceModel.predict', 'input', expected, x.shape, `Pass a batch of the model's input shape (${model.name}).`);
      return tf.tidy(() => {
        const values = new Map<number, tf.Tensor>([[graph.input, x]]);
        const read = (id: number): tf.Tensor => {
          const value = values.get(id);
          if (value === undefined) throw new Error(`inferenceModel: tensor ${id} must be computed before it is read, but it was not. This is a bug in @residual/core.`);
          return value;
        };
        steps.forEach((step, index) => {
          const inputs = inputsOf(step);
          const output =
            step.kind === 'layer'
              ? runLayer(step.layer, inputs.map(read))
              : runConv(folded.get(step) as FoldedConv, read(step.input), step.residual === null ? undefined : read(step.residual));
          values.set(step.output, output);
          for (const id of inputs) {
            const value = values.get(id);
            if (lastRead.get(id) !== index || value === undefined || value === x) continue;
            values.delete(id); // done with it: free it now, unless another name holds the same tensor
            if (![...values.values()].includes(value)) value.dispose();
          }
        });
        return read(graph.output);
      });
    },
    dispose(): void {
      for (const { filter, bias } of folded.values()) tf.dispose([filter, ...(bias === null ? [] : [bias])]);
    },
  };
}
