/**
 * @residual/core — ResNet on TensorFlow.js, typed with @residual/shapes.
 *
 * Browser-safe entry point. Node-only parts (files, checkpoints, the CLI, tfjs-node-gpu, Dawn)
 * live in `@residual/core/node`.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './backend/default-backend.js';
// Typed layers, blocks, models, parameter and MAC counts, summary.
export * from './model-api.js';
// Backends, gradient kernels, optimizers, schedules, augmentation, the training loop.
export * from './runtime-api.js';
