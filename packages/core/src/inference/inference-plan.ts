import type * as tfl from '@tensorflow/tfjs-layers';
import type { GraphNode, LayerGraph } from './layer-graph.js';

/**
 * A convolution run as one fused TF.js kernel, with the layers folded into it: the zero padding
 * before it (as the convolution's own padding), the batch norm after it (into its weights and bias)
 * and the ReLU after that (as its activation).
 */
export interface ConvStep {
  readonly kind: 'conv';
  readonly conv: tfl.layers.Layer;
  readonly pad: tfl.layers.Layer | null;
  readonly batchNorm: tfl.layers.Layer | null;
  readonly relu: tfl.layers.Layer | null;
  /** the padding P on every side, when a zero padding was folded in */
  readonly padding: number | null;
  readonly input: number;
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
  return node.kind === 'BatchNormalization' && (axis === -1 || axis === 3 || (Array.isArray(axis) && axis.length === 1 && (axis[0] === -1 || axis[0] === 3)));
};
const plainRelu = (node: GraphNode): boolean =>
  (node.kind === 'ReLU' && config(node)['maxValue'] == null) || (node.kind === 'Activation' && config(node)['activation'] === 'relu');

/**
 * Plans inference for a layer graph: every linear NHWC `Conv2D` becomes one fused convolution step
 * that absorbs a zero padding only it reads, then a batch norm that alone reads it, then a ReLU
 * that alone reads that. A layer some other layer (or the output) also reads is never absorbed, so
 * the plan computes what the model computes. Everything else runs as its layer.
 *
 * @param graph - from {@link layerGraph}.
 * @returns the steps, in an order that computes every input first.
 * @example
 * ```ts
 * const steps = inferencePlan(layerGraph(buildModel('resnet20').layersModel));
 * steps.filter((step) => step.kind === 'conv' && step.batchNorm !== null).length; // 19
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
  const convSteps = new Map<GraphNode, ConvStep>();
  for (const node of graph.nodes.filter(foldableConv)) {
    const input = node.inputs[0] as number;
    const writer = graph.writer.get(input);
    const padNode = writer?.kind === 'ZeroPadding2D' && config(node)['padding'] === 'valid' && soleReader(input, (n) => n === node) ? writer : null;
    const padding = padNode === null ? null : evenPadding(padNode);
    const batchNorm = soleReader(node.output, foldableBatchNorm);
    const relu = soleReader((batchNorm ?? node).output, plainRelu);
    const folded = [padding === null ? null : padNode, batchNorm, relu].filter((each): each is GraphNode => each !== null);
    for (const each of folded) absorbed.add(each);
    convSteps.set(node, {
      kind: 'conv',
      conv: node.layer,
      pad: padding === null ? null : (padNode?.layer ?? null),
      batchNorm: batchNorm?.layer ?? null,
      relu: relu?.layer ?? null,
      padding,
      input: padding === null ? input : (padNode?.inputs[0] as number),
      output: (relu ?? batchNorm ?? node).output,
    });
  }
  const steps: InferenceStep[] = [];
  for (const node of graph.nodes) {
    if (absorbed.has(node)) continue;
    steps.push(convSteps.get(node) ?? { kind: 'layer', layer: node.layer, inputs: node.inputs, output: node.output });
  }
  return steps;
}
