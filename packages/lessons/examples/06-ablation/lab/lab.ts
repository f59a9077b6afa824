/**
 * Lesson 6's lab (`@residual/lessons/lab`): ResNet and its plain twin trained side by side on real
 * CIFAR-10 images, in the browser or in Node; what each network makes of an image; its settings.
 * Browser-safe: the caller loads the images and chooses the TF.js backend.
 */
export { labConfig, labDepths, labKnobs, type LabConfig } from './lab-settings.js';
export { blockNames, labKinds, labPair, stageOutputs, type LabKind } from './lab-models.js';
export { LabTrainer, type LabData, type LabEpoch, type LabEvents, type LabGradNorms, type LabStep } from './lab-trainer.js';
export { blockGradientNorms, featureMaps, type StageMaps } from './lab-inside.js';
