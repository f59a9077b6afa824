/**
 * The Node-only half of Residual's WebGPU kernels: starting Dawn (the npm package `webgpu`) as
 * `navigator.gpu`, on a real GPU or on Mesa's software renderer.
 *
 * @packageDocumentation
 */
export { installNodeWebGpu, softwareWebGpuOptions, type NodeWebGpu, type NodeWebGpuOptions } from './node-software-gpu.js';
