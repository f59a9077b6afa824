import { buildModel, isModelName, modelNames } from '../model/models/registry.js';
import type { ModelName } from '../model/models/resnet.js';
import { UsageError } from './usage-error.js';

/**
 * The registered model name closest to `name`, as `buildModel` suggests it in its error
 * (the library's one edit-distance rule), or `undefined` when it offers none.
 */
function suggestion(name: string): string | undefined {
  try {
    buildModel(name); // an unknown name throws before anything is built
  } catch (error) {
    return /Did you mean "([^"]+)"\?/.exec((error as Error).message)?.[1];
  }
  return undefined;
}

/**
 * Reads a model name given on the command line, suggesting the closest registered one when it is unknown.
 *
 * @param command - for messages, e.g. `train`.
 * @param raw - the name given.
 * @param what - how the name was given, e.g. `--model` or `the model`.
 * @returns the name.
 * @throws UsageError `residual train: --model must be one of …, but got "resnet2O". Did you mean resnet20? See residual summary --help.`
 * @example
 * modelOption('train', 'resnet20'); // 'resnet20'
 */
export function modelOption(command: string, raw: string, what = '--model'): ModelName {
  if (isModelName(raw)) return raw;
  const closest = suggestion(raw);
  throw new UsageError(
    `residual ${command}: ${what} must be one of ${modelNames.join(', ')}, but got ${JSON.stringify(raw)}. ` +
      `${closest === undefined ? '' : `Did you mean ${closest}? `}See residual summary --help.`,
  );
}
