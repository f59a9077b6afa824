import { cifar10SampleDir as bundledSampleDir } from '@residual/cifar10-sample';

/**
 * The project's real CIFAR-10 sample (2,000 train / 500 test images in the official binary layout),
 * from the workspace package `@residual/cifar10-sample`: it ships with the repository.
 */
export function cifar10SampleDir(): string {
  return bundledSampleDir;
}
