/**
 * @residual/core/model — the model code a learner reads: typed symbolic tensors and layers, the
 * residual blocks, the ResNet family, parameter and MAC counts, summaries. What a lesson needs to
 * build, count and summarise a model, and nothing else: no kernels, no backend selection, no
 * training. Browser-safe.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './engine/backend/default-backend.js';
// Symbolic tensors and the layers over them
export { Sym, type ShapeOf } from './model/layers/sym.js';
export { withSeed, withNamePrefix } from './model/layers/scope.js';
export { input } from './model/layers/input.js';
export { conv2d, type Conv2dOptions } from './model/layers/conv2d.js';
export { batchNorm, isBatchNormLayer, ResidualBatchNormalization, type BatchNormOptions } from './model/layers/batch-norm.js';
export { layerWeight, findLayerWeight } from './model/layers/layer-weight.js';
export { relu, ResidualReLU } from './model/layers/relu.js';
export { add, ResidualAdd } from './model/layers/add.js';
export { batchNormTraining, type BatchNormTrainingResult } from './model/layers/batch-norm-training.js';
export { reluTraining } from './model/layers/relu-training.js';
export { addTraining } from './model/layers/add-training.js';
export { withLeanBackward, releaseAfterGradient } from './model/layers/lean-backward.js';
export { maxPool2d, avgPool2d, type Pool2dOptions } from './model/layers/pool2d.js';
export { PaddedMaxPool2d } from './model/layers/padded-max-pool-layer.js';
export { globalAvgPool } from './model/layers/global-avg-pool.js';
export { zeroPadShortcut, ZeroPadShortcut, type ZeroPadShortcutOptions } from './model/layers/zero-pad-shortcut.js';
export { flatten } from './model/layers/flatten.js';
export { dense, type DenseOptions } from './model/layers/dense.js';
// Residual blocks
export type { BlockOptions } from './model/blocks/block-options.js';
export { basicBlock, basicBlockExpansion } from './model/blocks/basic-block.js';
export { bottleneck, bottleneckExpansion } from './model/blocks/bottleneck.js';
export { plainBlock } from './model/blocks/plain-block.js';
export { preactBlock, preactBlockExpansion } from './model/blocks/preact-block.js';
// The ResNet family: stages, stems, every architecture as data, the builders
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
} from './model/models/resnet.js';
export type { ResNetModel, ResNetConfig, ResNetOptions, ImageSize } from './model/models/resnet-model.js';
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
} from './model/models/builders.js';
export { modelNames, buildModel, isModelName } from './model/models/registry.js';
// Counting and summaries
export { countParams, type ParamCounts } from './model/analysis/count-params.js';
export { countMacs } from './model/analysis/count-macs.js';
export { summarize, type ModelSummary, type SummaryRow } from './model/analysis/summarize.js';
export { summary } from './model/analysis/summary.js';
export { blockConvWeights } from './model/analysis/block-conv-weights.js';
export type { CountableModel } from './model/analysis/model-source.js';
// The shape rules' run-time twins and types, from @residual/shapes
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
