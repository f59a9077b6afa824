import type * as tfl from '@tensorflow/tfjs-layers';
import { isBatchNormLayer } from '../../model/layers/batch-norm.js';
import type { GraphNode, LayerGraph } from './layer-graph.js';

/**
 * A convolution run as one kernel, with the layers folded into it: the zero padding before it (as
 * the convolution's own padding), the batch norm after it (into its weights and bias), then either
 * a ReLU (as its activation) or a residual add (the other branch added as it stores) and the ReLU
 * after that add.
 */
export interface ConvStep {
  readonly kind: 'conv';
  readonly conv: tfl.layers.Layer;
  readonly pad: tfl.layers.Layer | null;
  readonly batchNorm: tfl.layers.Layer | null;
  readonly add: tfl.layers.Layer | null;
  readonly relu: tfl.layers.Layer | null;
  /** the padding P on every side, when a zero padding was folded in */
  readonly padding: number | null;
  readonly input: number;
  /** the tensor the add brings in (the shortcut), when an add was folded in */
  readonly residual: number | null;
  readonly output: number;
}

/** Any other layer, run as it is (`layer.apply(x, { training: false })`). */
export interface LayerStep {
  readonly kind: 'layer';
  readonly layer: tfl.layers.Layer;
  readonly inputs: readonly number[];
  readonly output: number;
}

export type InferenceStep = ConvStep | LayerStep;

type Config = Record<string, unknown>;

const config = (node: GraphNode): Config => node.layer.getConfig() as Config;

/** A zero padding of the same P on all four sides (NHWC), or null. */
function evenPadding(node: GraphNode): number | null {
  const { padding, dataFormat } = config(node) as { padding?: number[][]; dataFormat?: string };
  const sides = padding?.flat() ?? [];
  const first = sides[0];
  const even = dataFormat === 'channelsLast' && sides.length === 4 && sides.every((side) => side === first);
  return even && first !== undefined ? first : null;
}

const foldableConv = (node: GraphNode): boolean => {
  const c = config(node);
  return node.kind === 'Conv2D' && c['activation'] === 'linear' && c['dataFormat'] === 'channelsLast';
};
const foldableBatchNorm = (node: GraphNode): boolean => {
  const axis = config(node)['axis'];
  return isBatchNormLayer(node.kind) && (axis === -1 || axis === 3 || (Array.isArray(axis) && axis.length === 1 && (axis[0] === -1 || axis[0] === 3)));
};
const plainRelu = (node: GraphNode): boolean =>
  (node.kind === 'ReLU' && config(node)['maxValue'] == null) || (node.kind === 'Activation' && config(node)['activation'] === 'relu');
const twoInputAdd = (node: GraphNode): boolean => node.kind === 'Add' && node.inputs.length === 2 && node.inputs[0] !== node.inputs[1];
const sameShape = (a: readonly (number | null)[] | undefined, b: readonly (number | null)[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((size, i) => size === b[i]);

/**
 * Plans inference for a layer graph: every linear NHWC `Conv2D` becomes one convolution step that
 * absorbs a zero padding only it reads, then a batch norm that alone reads it, then either a ReLU
 * that alone reads that, or a two-input add of the same shape (the other input becomes the step's
 * residual) and a ReLU that alone reads the sum. A layer that some other layer (or the output) also
 * reads is never absorbed, so the plan computes what the model computes. Everything else runs as its
 * layer. A step with a residual runs where the add was, so both of the add's inputs are ready.
 *
 * @param graph - from {@link layerGraph}.
 * @returns the steps, in an order that computes every input first.
 * @example
 * ```ts
 * const steps = inferencePlan(layerGraph(buildModel('resnet20').layersModel));
 * steps.filter((step) => step.kind === 'conv' && step.residual !== null).length; // 9: one per block
 * ```
 */
export function inferencePlan(graph: LayerGraph): InferenceStep[] {
  const readersOf = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) for (const id of node.inputs) readersOf.set(id, [...(readersOf.get(id) ?? []), node]);
  /** the one node that reads `id` when nothing else (the model output included) does */
  const soleReader = (id: number, accepts: (node: GraphNode) => boolean): GraphNode | null => {
    const readers = readersOf.get(id) ?? [];
    const only = readers[0];
    return graph.readers.get(id) === 1 && readers.length === 1 && only !== undefined && accepts(only) ? only : null;
  };
  const absorbed = new Set<GraphNode>();
  const stepAt = new Map<GraphNode, ConvStep>(); // the node whose place in the order the step takes
  for (const node of graph.nodes.filter(foldableConv)) {
    const input = node.inputs[0] as number;
    const writer = graph.writer.get(input);
    const padNode = writer?.kind === 'ZeroPadding2D' && config(node)['padding'] === 'valid' && soleReader(input, (n) => n === node) ? writer : null;
    const padding = padNode === null ? null : evenPadding(padNode);
    const batchNorm = soleReader(node.output, foldableBatchNorm);
    const last = batchNorm ?? node;
    let relu = soleReader(last.output, plainRelu);
    const add = relu === null ? soleReader(last.output, (n) => twoInputAdd(n) && !absorbed.has(n)) : null;
    const residual = add?.inputs.find((id) => id !== last.output) ?? null;
    const folds = add !== null && residual !== null && sameShape(graph.shapes.get(residual), graph.shapes.get(last.output));
    if (folds) relu = soleReader(add.output, plainRelu);
    const folded = [padding === null ? null : padNode, batchNorm, folds ? add : null, relu];
    for (const each of folded) if (each !== null) absorbed.add(each);
    if (folds) absorbed.add(node); // the step runs where the add was
    const step: ConvStep = {
      kind: 'conv',
      conv: node.layer,
      pad: padding === null ? null : (padNode?.layer ?? null),
      batchNorm: batchNorm?.layer ?? null,
      add: folds ? add.layer : null,
      relu: relu?.layer ?? null,
      padding,
      input: padding === null ? input : (padNode?.inputs[0] as number),
      residual: folds ? residual : null,
      output: (relu ?? (folds ? add : null) ?? last).output,
    };
    stepAt.set(folds ? add : node, step);
  }
  const steps: InferenceStep[] = [];
  for (const node of graph.nodes) {
    const step = stepAt.get(node);
    if (step !== undefined) steps.push(step);
    else if (!absorbed.has(node)) steps.push({ kind: 'layer', layer: node.layer, inputs: node.inputs, output: node.output });
  }
  return steps;
}
