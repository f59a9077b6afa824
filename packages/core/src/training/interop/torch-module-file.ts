import { readFile } from 'node:fs/promises';
import type { ResNetConfig } from '../../model/models/resnet-model.js';
import { isModelName } from '../../model/models/registry.js';
import { resnetSpecs } from '../../model/models/resnet.js';

/** The template shipped with the package (packages/core/python/residual_torch.py). */
const template = new URL('../../../python/residual_torch.py', import.meta.url);
const placeholder = /^ARCHITECTURE = None$/m;

/** Models torchvision defines itself: their weights load into `torchvision.models.<name>()`, no module file needed. */
export const torchvisionModels: readonly string[] = ['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'];

/**
 * The text of a self-contained PyTorch module (only `torch` needed) that defines the same network
 * as `config` with Residual's layer names as module names (torchvision's, where torchvision has
 * the module), so that the exported weights load with `load_state_dict(strict=True)`: the template
 * `python/residual_torch.py` with its `ARCHITECTURE` set to the model's entry of `resnetSpecs`, its
 * classes and its input shape. Every registered model has one: basic, bottleneck and pre-activation
 * blocks (with the v2 layout: the stem's conv alone, BN and ReLU before pooling), with projection,
 * zero-pad (option A) or no shortcuts.
 *
 * @param config - the exported model's config.
 * @returns Python source.
 * @example
 * await writeFile('resnet20.py', await torchModuleSource(model.config));
 */
export async function torchModuleSource(config: ResNetConfig): Promise<string> {
  if (!isModelName(config.name)) throw new Error(`torchModuleSource: config.name must be a registered model, but got ${JSON.stringify(config.name)}. Pass the config of a model built by buildModel (see modelNames).`);
  const spec = resnetSpecs[config.name];
  const source = await readFile(template, 'utf8');
  const architecture = JSON.stringify({ name: config.name, numClasses: config.numClasses, inputShape: config.inputShape, spec });
  if (!placeholder.test(source)) throw new Error('torchModuleSource: the template must hold the line "ARCHITECTURE = None", but it does not. This is a bug in @residual/core.');
  return source.replace(placeholder, `ARCHITECTURE = json.loads(r'''${architecture}''')`);
}
