import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { layerGraph } from './layer-graph.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('layerGraph', () => {
  test('lists layers in order with who reads and writes each tensor', () => {
    const x = tfl.input({ shape: [4, 4, 2] });
    const conv = tfl.layers.conv2d({ filters: 2, kernelSize: 1, name: 'conv' }).apply(x) as tfl.SymbolicTensor;
    const sum = tfl.layers.add({ name: 'sum' }).apply([conv, x]) as tfl.SymbolicTensor;
    const graph = layerGraph(tfl.model({ inputs: x, outputs: sum }));
    expect(graph.nodes.map((node) => [node.kind, node.layer.name])).toEqual([['Conv2D', 'conv'], ['Add', 'sum']]);
    expect(graph.readers.get(graph.input)).toBe(2); // conv and sum
    expect(graph.readers.get(graph.output)).toBe(1); // the model output
    expect(graph.writer.get(graph.output)?.layer.name).toBe('sum');
    expect(graph.nodes[1]?.inputs).toEqual([graph.nodes[0]?.output, graph.input]);
  });

  test('a layer applied twice is refused with the fix', () => {
    const x = tfl.input({ shape: [3] });
    const shared = tfl.layers.dense({ units: 3, name: 'shared' });
    const y = shared.apply(shared.apply(x)) as tfl.SymbolicTensor;
    expect(() => layerGraph(tfl.model({ inputs: x, outputs: y }))).toThrow(
      'layerGraph: layer shared must be applied once, but got 2 calls. Give each call its own layer, or run the model with model.predict.',
    );
  });
});
