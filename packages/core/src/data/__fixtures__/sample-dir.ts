import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/**
 * The project's real CIFAR-10 sample (2,000 train / 500 test images in the official binary layout):
 * `RESIDUAL_CIFAR10_SAMPLE`, else `<repo>/../shared/data/cifar10-sample` (CI clones `shared/` beside the repo).
 */
export function cifar10SampleDir(): string {
  const fromEnv = process.env['RESIDUAL_CIFAR10_SAMPLE'];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return resolve(fileURLToPath(import.meta.url), '../../../../../../../shared/data/cifar10-sample');
}
