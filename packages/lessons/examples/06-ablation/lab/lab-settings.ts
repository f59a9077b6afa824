/**
 * Lesson 6's lab: ResNet and its plain twin trained side by side on real CIFAR-10 images in the
 * browser. Its settings, as knobs the page shows (the same kind as the live examples').
 */
import { numberSetting, resolveLiveSettings } from '../../../src/live-settings.js';
import type { LiveKnob, LiveSettings, LiveSize } from '../../../src/live-types.js';

/** The depths of the pairs: the paper's CIFAR networks, 6n + 2 layers. */
export const labDepths = [20, 32, 44, 56] as const;

/** The lab's knobs. Defaults: ResNet-20 and plain-20, a first epoch in under two minutes on WASM. */
export const labKnobs: readonly LiveKnob[] = [
  { key: 'depth', kind: 'choice', options: [...labDepths], default: 20 },
  { key: 'trainImages', kind: 'integer', min: 20, max: 2000, step: 10, default: 500, small: 60 },
  { key: 'testImages', kind: 'integer', min: 10, max: 500, step: 10, default: 250, small: 50 },
  { key: 'epochs', kind: 'integer', min: 1, max: 50, default: 6, small: 1 },
  { key: 'batch', kind: 'choice', options: [16, 32, 64, 128], default: 32 },
  { key: 'lr', kind: 'number', min: 0.001, max: 0.5, step: 0.001, scale: 'log', default: 0.05 },
  { key: 'augment', kind: 'toggle', default: false },
];

/** One lab run's configuration. */
export interface LabConfig {
  /** Layers of each network: 20, 32, 44 or 56. */
  readonly depth: (typeof labDepths)[number];
  /** Training images per epoch (the first of the sample, ten classes in turn). */
  readonly trainImages: number;
  /** Test images evaluated after each epoch. */
  readonly testImages: number;
  readonly epochs: number;
  readonly batch: number;
  /** Peak learning rate of SGD (momentum 0.9, weight decay 1e-4), cosine-annealed over the run. */
  readonly lr: number;
  /** The paper's pad-and-crop and flips. */
  readonly augment: boolean;
  readonly seed: number;
}

/**
 * The lab's configuration from its settings (the defaults for `size`, the reader's values on top).
 *
 * @param size - `small` for tests (one short epoch), `full` for readers.
 * @param overrides - the reader's values, as text or values.
 * @example
 * labConfig('full'); // { depth: 20, trainImages: 500, testImages: 250, epochs: 6, batch: 32, lr: 0.05, augment: false, seed: 1 }
 */
export function labConfig(size: LiveSize, overrides: Readonly<Record<string, number | string | boolean>> = {}): LabConfig {
  const settings: LiveSettings = resolveLiveSettings({ id: 'lab', knobs: labKnobs }, size, overrides);
  const value = (key: string) => numberSetting(settings, key);
  return {
    depth: value('depth') as LabConfig['depth'],
    trainImages: value('trainImages'),
    testImages: value('testImages'),
    epochs: value('epochs'),
    batch: value('batch'),
    lr: value('lr'),
    augment: settings['augment'] === true,
    seed: 1,
  };
}
