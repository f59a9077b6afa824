import { closestName } from '@residual/shapes';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { buildResNet, resnetSpecs, type BuiltModel, type ModelName } from './resnet.js';

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
 * @returns the model; for a name known at compile time typed like its builder
 *   (`buildModel('resnet20')`: `ResNetModel<[number, 32, 32, 3], [number, 10]>`)
 * @throws Error `buildModel: model must be one of resnet18, …, but got "resnet19". …` for an
 *   unknown name
 * @example
 * ```ts
 * const model = buildModel('resnet20', { seed: 1 });
 * const again = buildModel(model.config.name, model.config); // the same weights
 * ```
 */
export function buildModel<Name extends ModelName, const Options extends ResNetOptions = Record<never, never>>(name: Name, options?: Options): BuiltModel<Name, Options>;
export function buildModel(name: string, options?: ResNetOptions): ResNetModel;
export function buildModel(name: string, options: ResNetOptions = {}): ResNetModel {
  if (!isModelName(name)) {
    throw new Error(
      `buildModel: model must be one of ${modelNames.join(', ')}, but got ${JSON.stringify(name)}. Did you mean "${closestName(name, modelNames)}"?`,
    );
  }
  const { numClasses, inputShape, seed } = options;
  const picked: ResNetOptions = {};
  if (numClasses !== undefined) picked.numClasses = numClasses;
  if (inputShape !== undefined) picked.inputShape = inputShape;
  if (seed !== undefined) picked.seed = seed;
  return buildResNet(name, picked);
}
