import * as tfl from '@tensorflow/tfjs-layers';
import type { SymbolicTensor } from '@tensorflow/tfjs-layers';

/** Options of the test fixture network; defaults give a ResNet-20 (paper layout, projection shortcuts). */
export interface TinyResnetOptions {
  readonly blocksPerStage?: number;
  readonly widths?: readonly number[];
  readonly inputShape?: readonly [number, number, number];
  readonly numClasses?: number;
  readonly seed?: number;
}

/**
 * A CIFAR-style ResNet built directly with tfjs-layers, for tests that must not depend on the
 * model library. `blocksPerStage: 3` is ResNet-20.
 */
export function tinyResnet(options: TinyResnetOptions = {}): tfl.LayersModel {
  const { blocksPerStage = 3, widths = [16, 32, 64], inputShape = [32, 32, 3], numClasses = 10 } = options;
  let seed = options.seed ?? 1;
  const init = () => tfl.initializers.heNormal({ seed: seed++ });
  const conv = (x: SymbolicTensor, filters: number, kernelSize: number, strides: number) =>
    tfl.layers
      .conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false, kernelInitializer: init() })
      .apply(x) as SymbolicTensor;
  const bn = (x: SymbolicTensor) => tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as SymbolicTensor;
  const relu = (x: SymbolicTensor) => tfl.layers.reLU().apply(x) as SymbolicTensor;
  const input = tfl.input({ shape: [...inputShape] });
  let x = relu(bn(conv(input, widths[0] ?? 16, 3, 1)));
  widths.forEach((filters, stage) => {
    for (let block = 0; block < blocksPerStage; block++) {
      const strides = stage > 0 && block === 0 ? 2 : 1;
      const changes = strides !== 1 || (x.shape[3] as number) !== filters;
      const shortcut = changes ? bn(conv(x, filters, 1, strides)) : x;
      const y = bn(conv(relu(bn(conv(x, filters, 3, strides))), filters, 3, 1));
      x = relu(tfl.layers.add().apply([y, shortcut]) as SymbolicTensor);
    }
  });
  const pooled = tfl.layers.globalAveragePooling2d({}).apply(x) as SymbolicTensor;
  const logits = tfl.layers.dense({ units: numClasses, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed++ }) }).apply(pooled) as SymbolicTensor;
  return tfl.model({ inputs: input, outputs: logits });
}
