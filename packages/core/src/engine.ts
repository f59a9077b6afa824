/**
 * @residual/core/engine — Residual's extension of TensorFlow.js, browser-safe: backend selection
 * (never a software WebGPU adapter unasked), the gradient and reduction kernels it registers over
 * TF.js's stock ones (hand-written SIMD WebAssembly, tiled WebGPU convolutions, reductions by
 * matrix product), its own ops, and folded inference (batch norms folded into their convolutions,
 * one fused kernel each). Node's backends (tfjs-node-gpu, Dawn, threaded wasm) are in
 * `@residual/core/node`.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './engine/backend/default-backend.js';
// Backend selection
export {
  describeBackendChoice,
  type BackendChoice,
  type BackendChoiceKind,
  type BackendSkip,
  type BackendSkipCode,
  type BackendTiming,
} from './engine/backend/backend-choice.js';
export { browserBackendOrder, type BrowserBackendName } from './engine/backend/browser-backend-order.js';
export { selectBrowserBackend, type SelectBrowserBackendOptions } from './engine/backend/select-browser-backend.js';
export { isFallbackAdapter, isSoftwareRenderer, type AdapterFacts } from './engine/backend/software-renderer.js';
export { useBrowserWasmThreads, type BrowserWasmThreadsOptions } from './engine/backend/browser-wasm-threads.js';
export { wasmHeapBytes } from './engine/backend/wasm-heap-bytes.js';
// Kernels registered over TF.js's stock ones
export {
  registerTrainingKernels,
  unregisterTrainingKernels,
} from './engine/kernels/register-training-kernels.js';
export { stockKernel } from './engine/kernels/stock-kernels.js';
export { reduceByMatMulConfig, type MatMulReduceKernelName } from './engine/kernels/reduce-by-matmul.js';
export { rowReduction, type RowReduction } from './engine/kernels/row-reduction.js';
// WebGPU: tiled implicit-GEMM convolution kernels (forward and both gradients), row reductions
export * from './engine/kernels/webgpu/index.js';
export { KernelRunner } from './engine/kernels/kernel-runner.js';
export { conv2dBackpropFilter, conv2dBackpropFilterConfig } from './engine/kernels/conv2d-backprop-filter.js';
export { conv2dBackpropInput, conv2dBackpropInputConfig } from './engine/kernels/conv2d-backprop-input.js';
export { simdKernelThreads } from './engine/kernels/wasm-simd/simd-kernel-threads.js';
// Inference: batch norms folded into their convolutions, one fused kernel each
export { inferenceModel, type InferenceModel, type Fusion } from './engine/inference/inference-model.js';
export { foldBatchNorm, type BatchNormInference } from './engine/inference/fold-batch-norm.js';
export { residualConv2d, residualConv2dKernelName, type ResidualConv2dArgs } from './engine/ops/residual-conv2d.js';
