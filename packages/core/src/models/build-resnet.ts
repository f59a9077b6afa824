import * as tfl from '@tensorflow/tfjs-layers';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import { dense } from '../layers/dense.js';
import { globalAvgPool } from '../layers/global-avg-pool.js';
import { input } from '../layers/input.js';
import { maxPool2d } from '../layers/pool2d.js';
import { relu } from '../layers/relu.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { makeStage } from './make-stage.js';
import { wrapModel, type ResNetConfig, type ResNetModel, type ResNetOptions } from './resnet-model.js';
import type { ResNetSpec } from './resnet-spec.js';

function checkOptions(name: string, numClasses: number, inputShape: readonly number[]): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(`${name}: numClasses must be a positive integer, but got ${numClasses}. Pass e.g. 10.`);
  }
  if (inputShape.length !== 3 || !inputShape.every((dim) => Number.isInteger(dim) && dim > 0)) {
    throw new RangeError(
      `${name}: inputShape must be [H, W, C] of positive integers, but got [${inputShape.join(', ')}]. Pass e.g. [32, 32, 3].`,
    );
  }
}

/**
 * The stem: ImageNet 7×7/2 conv (pad 3) + BN + ReLU + 3×3/2 max-pool (pad 1); CIFAR 3×3 conv + BN
 * + ReLU; pre-activation CIFAR 3×3 conv alone (the first block normalizes and activates it).
 */
function stem(x: Sym, spec: ResNetSpec): Sym {
  if (spec.block === 'preact') return conv2d(x, { filters: spec.stemFilters, kernelSize: 3, padding: 1, useBias: false, name: 'conv1' });
  if (spec.stem === 'cifar') {
    const conv = conv2d(x, { filters: spec.stemFilters, kernelSize: 3, padding: 1, useBias: false, name: 'conv1' });
    return relu(batchNorm(conv, { name: 'bn1' }), { name: 'relu' });
  }
  const conv = conv2d(x, { filters: spec.stemFilters, kernelSize: 7, strides: 2, padding: 3, useBias: false, name: 'conv1' });
  const activated = relu(batchNorm(conv, { name: 'bn1' }), { name: 'relu' });
  return maxPool2d(activated, { poolSize: 3, strides: 2, padding: 1, name: 'maxpool' });
}

/**
 * Builds a registered architecture (torchvision's `_resnet`): stem, one stage per entry of
 * `spec.layers` (stride 1 for the first, 2 after), global average pool, `fc`.
 */
export function buildResNet(name: string, spec: ResNetSpec, options: ResNetOptions = {}): ResNetModel {
  const numClasses = options.numClasses ?? spec.defaultNumClasses;
  const imageSize = options.inputShape ?? spec.defaultInputShape;
  checkOptions(name, numClasses, imageSize);
  const [height, width, channels] = imageSize;
  const config: ResNetConfig = { name, numClasses, inputShape: [height, width, channels] };
  if (options.seed !== undefined) config.seed = options.seed;
  const layersModel = withSeed(options.seed, () => {
    const images = input([height, width, channels], { name: 'input' }); // [N, H, W, C]
    let x = stem(images, spec);
    spec.layers.forEach((blocks, index) => {
      x = makeStage(x, {
        block: spec.block,
        filters: spec.widths[index] ?? 0,
        blocks,
        strides: index === 0 ? 1 : 2,
        shortcut: spec.shortcut,
        name: `layer${index + 1}`,
      });
    });
    if (spec.block === 'preact') {
      // He et al. 2016: the last block's sum is normalized and activated once more before pooling.
      x = relu(batchNorm(x, { name: 'bn_final' }), { name: 'relu_final' });
    }
    const logits = dense(globalAvgPool(x, { name: 'avgpool' }), { units: numClasses, name: 'fc' }); // [N, classes]
    return tfl.model({ inputs: images.tensor, outputs: logits.tensor, name });
  });
  return wrapModel(config, layersModel);
}
