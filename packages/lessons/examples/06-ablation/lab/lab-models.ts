/**
 * The lab's two networks: a CIFAR ResNet and its plain twin of the same depth, built from the same
 * seed, and the names of their blocks and stages.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildModel, type ResNetModel } from '@residual/core/model';
import type { LabConfig } from './lab-settings.js';

/** The two networks of the ablation. */
export type LabKind = 'residual' | 'plain';

/** Both kinds, residual first. */
export const labKinds: readonly LabKind[] = ['residual', 'plain'];

/**
 * ResNet-`depth` and plain-`depth` for CIFAR-10, from the same seed.
 *
 * @param depth - 20, 32, 44 or 56.
 * @param seed - weight initialisation.
 * @example
 * const { residual, plain } = labPair(20, 1); // resnet20, plain20
 */
export function labPair(depth: LabConfig['depth'], seed: number): Record<LabKind, ResNetModel> {
  return { residual: buildModel(`resnet${depth}`, { seed }), plain: buildModel(`plain${depth}`, { seed }) };
}

/**
 * The blocks of a CIFAR ResNet or plain twin in order (`layer1.0` … `layer3.8`): every layer that
 * is a block's first convolution names one.
 *
 * @example
 * blockNames(resnet20.layersModel); // ['layer1.0', 'layer1.1', …, 'layer3.2'] (9 blocks)
 */
export function blockNames(model: tfl.LayersModel): string[] {
  return model.layers.flatMap((layer) => /^(layer\d+\.\d+)\.conv1$/.exec(layer.name)?.[1] ?? []);
}

/**
 * The layers whose outputs are the stages' outputs: the stem's ReLU, then the last block's ReLU of
 * each stage (`layer1.2.relu`, …), in order. Their feature maps are 32×32, 32×32, 16×16 and 8×8.
 *
 * @example
 * stageOutputs(resnet20.layersModel); // ['relu', 'layer1.2.relu', 'layer2.2.relu', 'layer3.2.relu']
 */
export function stageOutputs(model: tfl.LayersModel): string[] {
  const blocks = blockNames(model);
  const stages = [...new Set(blocks.map((block) => block.split('.')[0] ?? ''))];
  const lastOf = (stage: string) => blocks.filter((block) => block.startsWith(`${stage}.`)).at(-1);
  const names = ['relu', ...stages.map((stage) => `${lastOf(stage)}.relu`)];
  for (const name of names) model.getLayer(name); // throws, naming the layer, if the models' naming changed
  return names;
}
