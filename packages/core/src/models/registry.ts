import { closestName } from '@residual/shapes';
import { buildResNet } from './build-resnet.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { resnetSpecs, type ModelName } from './resnet-spec.js';

/**
 * Every registered model name, in a stable order: the ImageNet ResNets, the CIFAR ResNets,
 * the CIFAR-10 ResNet-18 (3×3 stem), then the plain twins.
 *
 * @example
 * ```ts
 * modelNames.includes('resnet56'); // true
 * ```
 */
export const modelNames: readonly ModelName[] = Object.freeze(Object.keys(resnetSpecs) as ModelName[]);

/**
 * True when `name` is a registered model name.
 *
 * @example
 * ```ts
 * isModelName('resnet56'); // true
 * isModelName('resnet19'); // false
 * ```
 */
export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(resnetSpecs, name);
}

/**
 * Builds a registered model by name: how checkpoints and the CLI rebuild a model
 * (`buildModel(config.name, config)`).
 *
 * @param name - one of {@link modelNames}
 * @param options - numClasses, inputShape, seed (a `ResNetConfig` works as it is)
 * @throws Error `buildModel: model must be one of resnet18, …, but got "resnet19". …` for an
 *   unknown name
 * @example
 * ```ts
 * const model = buildModel('resnet20', { seed: 1 });
 * const again = buildModel(model.config.name, model.config); // the same weights
 * ```
 */
export function buildModel(name: ModelName | (string & {}), options: ResNetOptions = {}): ResNetModel {
  if (!isModelName(name)) {
    const closest = closestName(name, modelNames);
    throw new Error(
      `buildModel: model must be one of ${modelNames.join(', ')}, but got ${JSON.stringify(name)}. Did you mean "${closest}"?`,
    );
  }
  const { numClasses, inputShape, seed } = options;
  const picked: ResNetOptions = {};
  if (numClasses !== undefined) picked.numClasses = numClasses;
  if (inputShape !== undefined) picked.inputShape = inputShape;
  if (seed !== undefined) picked.seed = seed;
  return buildResNet(name, resnetSpecs[name], picked);
}
