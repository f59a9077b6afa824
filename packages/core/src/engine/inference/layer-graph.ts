import type * as tfl from '@tensorflow/tfjs-layers';

/** One layer of a functional model and the symbolic tensors it reads and writes, by id. */
export interface GraphNode {
  readonly layer: tfl.layers.Layer;
  /** the class name, e.g. `'Conv2D'`, `'BatchNormalization'`, `'ReLU'` */
  readonly kind: string;
  readonly inputs: readonly number[];
  readonly output: number;
}

/** A functional model as data: its nodes in an order that computes every input first. */
export interface LayerGraph {
  readonly nodes: readonly GraphNode[];
  /** the model input's id */
  readonly input: number;
  /** the model output's id */
  readonly output: number;
  /** how many nodes read each tensor; the model output counts as one more reader */
  readonly readers: ReadonlyMap<number, number>;
  /** the node that writes each tensor */
  readonly writer: ReadonlyMap<number, GraphNode>;
  /** each tensor's shape, `null` where unknown (the batch) */
  readonly shapes: ReadonlyMap<number, readonly (number | null)[]>;
}

function ids(tensors: tfl.SymbolicTensor | tfl.SymbolicTensor[]): number[] {
  return (Array.isArray(tensors) ? tensors : [tensors]).map((tensor) => tensor.id);
}

/**
 * Reads a one-input, one-output functional `LayersModel` (as every model of this project is) as a
 * graph of layers, so an inference plan can look at who reads what. `model.layers` is already in
 * an order that computes every input first.
 *
 * @param model - a functional model whose layers are each applied once.
 * @returns the nodes, the input and output ids, and each tensor's readers, writer and shape.
 * @example
 * ```ts
 * const graph = layerGraph(buildModel('resnet20').layersModel);
 * graph.nodes.filter((node) => node.kind === 'BatchNormalization').length; // 19
 * ```
 */
export function layerGraph(model: tfl.LayersModel): LayerGraph {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error(
      `layerGraph: model ${model.name} must have one input and one output, but got ${model.inputs.length} and ${model.outputs.length}. ` +
        'Run a multi-input model with model.predict.',
    );
  }
  const nodes: GraphNode[] = [];
  const readers = new Map<number, number>();
  const writer = new Map<number, GraphNode>();
  const input = model.inputs[0] as tfl.SymbolicTensor;
  const shapes = new Map<number, readonly (number | null)[]>([[input.id, input.shape]]);
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === 'InputLayer') continue;
    if (layer.inboundNodes.length !== 1) {
      throw new Error(
        `layerGraph: layer ${layer.name} must be applied once, but got ${layer.inboundNodes.length} calls. ` +
          'Give each call its own layer, or run the model with model.predict.',
      );
    }
    const outputs = ids(layer.output);
    if (outputs.length !== 1) {
      throw new Error(`layerGraph: layer ${layer.name} must have one output, but got ${outputs.length}. Run the model with model.predict.`);
    }
    const node: GraphNode = { layer, kind, inputs: ids(layer.input), output: outputs[0] as number };
    nodes.push(node);
    shapes.set(node.output, (layer.output as tfl.SymbolicTensor).shape);
    writer.set(node.output, node);
    for (const id of node.inputs) readers.set(id, (readers.get(id) ?? 0) + 1);
  }
  const output = (model.outputs[0] as tfl.SymbolicTensor).id;
  readers.set(output, (readers.get(output) ?? 0) + 1);
  return { nodes, input: input.id, output, readers, writer, shapes };
}
