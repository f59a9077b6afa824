// Loaded when the reader presses Start: TF.js, the backend choice and the lab's training code.
export { chooseBackend } from '../backend-runtime.js';
export { LabTrainer, featureMaps, labConfig, type LabData, type LabEpoch, type LabGradNorms, type LabStep, type StageMaps } from '@residual/lessons/lab';
export { classify, makeBatch } from '@residual/core/training';
export * as tf from '@tensorflow/tfjs-core';
