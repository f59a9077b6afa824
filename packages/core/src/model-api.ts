// The typed model library: symbolic tensors and layers, residual blocks, the ResNet family,
// parameter and MAC counts, summaries.
export { Sym, type ShapeOf } from './layers/sym.js';
export { withSeed, withNamePrefix } from './layers/scope.js';
export { input } from './layers/input.js';
export { conv2d, type Conv2dOptions } from './layers/conv2d.js';
export { batchNorm, isBatchNormLayer, ResidualBatchNormalization, type BatchNormOptions } from './layers/batch-norm.js';
export { layerWeight, findLayerWeight } from './layers/layer-weight.js';
export { relu } from './layers/relu.js';
export { add } from './layers/add.js';
export { maxPool2d, avgPool2d, type Pool2dOptions } from './layers/pool2d.js';
export { PaddedMaxPool2d } from './layers/padded-max-pool-layer.js';
export { globalAvgPool } from './layers/global-avg-pool.js';
export { zeroPadShortcut, ZeroPadShortcut, type ZeroPadShortcutOptions } from './layers/zero-pad-shortcut.js';
export { flatten } from './layers/flatten.js';
export { dense, type DenseOptions } from './layers/dense.js';
export type { BlockOptions } from './blocks/block-options.js';
export { basicBlock, basicBlockExpansion } from './blocks/basic-block.js';
export { bottleneck, bottleneckExpansion } from './blocks/bottleneck.js';
export { plainBlock } from './blocks/plain-block.js';
export { preactBlock, preactBlockExpansion } from './blocks/preact-block.js';
export {
  makeStage,
  blockExpansion,
  resnetSpecs,
  type BlockKind,
  type StageSpec,
  type StageOutput,
  type ResNetSpec,
  type ModelName,
  type ModelInput,
  type ModelOutput,
  type BuiltModel,
} from './models/resnet.js';
export type { ResNetModel, ResNetConfig, ResNetOptions, ImageSize } from './models/resnet-model.js';
export {
  resnet18,
  resnet34,
  resnet50,
  resnet101,
  resnet152,
  resnet20,
  resnet32,
  resnet44,
  resnet56,
  resnet110,
  resnet20a,
  resnet32a,
  resnet44a,
  resnet56a,
  resnet110a,
  preactResnet20,
  preactResnet56,
  preactResnet110,
  cifarResnet18,
  plain18,
  plain34,
  plain20,
  plain32,
  plain44,
  plain56,
  plain110,
  cifarPlain18,
} from './models/builders.js';
export { modelNames, buildModel, isModelName } from './models/registry.js';
export { countParams, type ParamCounts } from './analysis/count-params.js';
export { countMacs } from './analysis/count-macs.js';
export { summarize, type ModelSummary, type SummaryRow } from './analysis/summarize.js';
export { summary } from './analysis/summary.js';
export { blockConvWeights } from './analysis/block-conv-weights.js';
export type { CountableModel } from './analysis/model-source.js';
export {
  assertShape,
  ShapeError,
  formatShape,
  convOutputSize,
  type Shape,
  type ImageShape,
  type Padding,
  type Shortcut,
  type ZeroPadOutput,
  type FormatShape,
  type ConvOutputSize,
} from '@residual/shapes';
