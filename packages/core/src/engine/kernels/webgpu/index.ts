/**
 * Residual's WebGPU kernels for TF.js: tiled implicit-GEMM convolutions (forward, fused forward,
 * both gradients, and a residual block's last convolution with its add and ReLU) and transpose-free row reductions (`Sum`, `Mean`), registered over TF.js 4.22's
 * stock ones, and the helpers to run them in Node on Dawn, including on a machine without a GPU.
 *
 * @packageDocumentation
 */
export { registerWebGpuKernels, unregisterWebGpuKernels } from './register-webgpu-kernels.js';
export { stockWebGpuKernel, webGpuKernelCounts } from './stock-webgpu-kernels.js';
export { configureWebGpuConv, resetWebGpuConvOptions, webGpuConvOptions, type WebGpuConvOptions } from './webgpu-conv-options.js';
export { gemmTiles, gemmTileNames, type GemmTile, type GemmTileName } from './gemm-tile.js';
export { applyGpuRequestOptions, type GpuRequestOptions } from './gpu-request-options.js';
export { releaseWebGpuBackend } from './release-webgpu-backend.js';
export { conv2dWebGpuConfig, fusedConv2dWebGpuConfig } from './conv2d-kernel.js';
export { conv2dBackpropInputWebGpuConfig } from './conv2d-backprop-input-kernel.js';
export { conv2dBackpropFilterWebGpuConfig } from './conv2d-backprop-filter-kernel.js';
export { reduceWebGpuConfig, type ReduceKernelName } from './reduce-kernel.js';
export { residualConv2dWebGpuConfig } from './residual-conv2d-kernel.js';
