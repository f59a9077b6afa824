import type * as tfl from '@tensorflow/tfjs-layers';
import { isBatchNormLayer } from '../../model/layers/batch-norm.js';
import { findLayerWeight } from '../../model/layers/layer-weight.js';

/**
 * How a TF.js weight is laid out in PyTorch: a conv kernel `[K_h, K_w, C_in, C_out]` becomes OIHW
 * `[C_out, C_in, K_h, K_w]`, a dense kernel `[in, out]` becomes `nn.Linear`'s `[out, in]`, vectors
 * stay as they are, and `num_batches_tracked` (which TF.js does not keep) is an int64 scalar.
 */
export type TorchLayout = 'conv' | 'linear' | 'vector' | 'counter';

/** One entry of a PyTorch `state_dict` and the TF.js weight it comes from. */
export interface TorchWeight {
  /** torchvision's key, e.g. `layer2.0.downsample.1.running_var` */
  readonly key: string;
  readonly layout: TorchLayout;
  /** the variable; `undefined` for `num_batches_tracked` */
  readonly variable: tfl.LayerVariable | undefined;
  /** the shape PyTorch stores */
  readonly torchShape: readonly number[];
}

/** TF.js weight name → PyTorch parameter or buffer name, per layer class. */
const torchNames: Readonly<Record<string, ReadonlyArray<readonly [tfjs: string, torch: string]>>> = {
  Conv2D: [['kernel', 'weight'], ['bias', 'bias']],
  Dense: [['kernel', 'weight'], ['bias', 'bias']],
  BatchNormalization: [['gamma', 'weight'], ['beta', 'bias'], ['moving_mean', 'running_mean'], ['moving_variance', 'running_var']],
};

function torchShape(layout: TorchLayout, shape: readonly number[]): number[] {
  if (layout === 'conv') return [shape[3] ?? 0, shape[2] ?? 0, shape[0] ?? 0, shape[1] ?? 0];
  if (layout === 'linear') return [shape[1] ?? 0, shape[0] ?? 0];
  return [...shape];
}

/**
 * The PyTorch `state_dict` of a model, key by key, read from its layers' names and classes (not
 * their positions): Residual names layers as torchvision names modules (`conv1`, `bn1`,
 * `layer1.0.conv2`, `layer2.0.downsample.0`, `fc`), so a layer's key is its name plus `weight`,
 * `bias`, `running_mean`, `running_var` or `num_batches_tracked`.
 *
 * @param model - a TF.js model whose weighted layers are Conv2D, BatchNormalization or Dense.
 * @returns the entries in layer order.
 * @throws Error naming a weighted layer of another class.
 * @example
 * torchWeightNames(buildModel('resnet18').layersModel).map((entry) => entry.key);
 * // ['conv1.weight', 'bn1.weight', 'bn1.bias', 'bn1.running_mean', 'bn1.running_var', 'bn1.num_batches_tracked', …]
 */
export function torchWeightNames(model: tfl.LayersModel): TorchWeight[] {
  const entries: TorchWeight[] = [];
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    // Residual's batch norm layer class (ResidualBatchNormalization) has TF.js's weights and names.
    const className = isBatchNormLayer(layer) ? 'BatchNormalization' : layer.getClassName();
    const names = torchNames[className];
    if (names === undefined) {
      throw new Error(
        `torchWeightNames: layer ${layer.name} must be a ${Object.keys(torchNames).join(', ')} layer to have a PyTorch name, but got ${className}. ` +
          'Export models built by @residual/core.',
      );
    }
    const layout: TorchLayout = className === 'Conv2D' ? 'conv' : className === 'Dense' ? 'linear' : 'vector';
    for (const [tfjs, torch] of names) {
      const variable = findLayerWeight(layer, tfjs);
      if (variable === undefined) continue;
      const kind = tfjs === 'kernel' ? layout : 'vector';
      entries.push({ key: `${layer.name}.${torch}`, layout: kind, variable, torchShape: torchShape(kind, variable.shape as number[]) });
    }
    if (className === 'BatchNormalization') {
      entries.push({ key: `${layer.name}.num_batches_tracked`, layout: 'counter', variable: undefined, torchShape: [] });
    }
  }
  return entries;
}
