/**
 * @residual/core — ResNet on TensorFlow.js, typed with @residual/shapes.
 *
 * Browser-safe entry point: everything of `@residual/core/model`, `@residual/core/training` and
 * `@residual/core/engine` in one import. A lesson that only builds and counts models imports
 * `@residual/core/model`; Node-only parts (files, checkpoints, the CLI, tfjs-node-gpu, Dawn) live
 * in `@residual/core/node`, and the helpers Residual's own tests check kernels with in
 * `@residual/core/testing`.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './engine/backend/default-backend.js';
// Typed layers, blocks, models, parameter and MAC counts, summary.
export * from './model.js';
// Data, optimizers, schedules, augmentation, the training loop, checkpoints and interop as bytes.
export * from './training.js';
// Backends, gradient kernels, folded inference.
export * from './engine.js';
