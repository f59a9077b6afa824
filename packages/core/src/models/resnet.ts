import { buildResNet } from './build-resnet.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { resnetSpecs } from './resnet-spec.js';

/**
 * ResNet-18 (He et al. 2015, table 1; torchvision's `resnet18`): basic blocks `[2, 2, 2, 2]`,
 * 11,689,512 trainable parameters and 1.81 G multiply-accumulates at 224×224 with 1000 classes.
 *
 * @param options - numClasses (default 1000), inputShape (default `[224, 224, 3]`), seed
 * @example
 * ```ts
 * const model = resnet18({ numClasses: 10, inputShape: [64, 64, 3], seed: 1 });
 * model.predict(tf.zeros([2, 64, 64, 3])).shape; // [2, 10]
 * ```
 */
export function resnet18(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet18', resnetSpecs.resnet18, options);
}

/**
 * ResNet-34: basic blocks `[3, 4, 6, 3]`; 21,797,672 parameters, 3.66 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet34({ seed: 1 });
 * ```
 */
export function resnet34(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet34', resnetSpecs.resnet34, options);
}

/**
 * ResNet-50: bottlenecks `[3, 4, 6, 3]` (stride on the 3×3 conv, torchvision's v1.5);
 * 25,557,032 parameters, 4.09 G MACs at 224×224 (the paper's v1 has 3.8 G).
 *
 * @example
 * ```ts
 * console.log(summary(resnet50()));
 * ```
 */
export function resnet50(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet50', resnetSpecs.resnet50, options);
}

/**
 * ResNet-101: bottlenecks `[3, 4, 23, 3]`; 44,549,160 parameters, 7.80 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet101({ numClasses: 100 });
 * ```
 */
export function resnet101(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet101', resnetSpecs.resnet101, options);
}

/**
 * ResNet-152: bottlenecks `[3, 8, 36, 3]`; 60,192,808 parameters, 11.5 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet152();
 * model.dispose(); // ~60 M weights: free them when done
 * ```
 */
export function resnet152(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet152', resnetSpecs.resnet152, options);
}
