/**
 * The playground's presets, in menu order: a working ResNet-20, then every bug of lesson 7 — the
 * real mistakes of published ResNet notes — each as `presets/<id>.bug.ts` and `presets/<id>.fix.ts`.
 */
export const presetIds = [
  'resnet20',
  'block-identity-stride2',
  'dropped-shortcut',
  'conv3x3-downsample',
  'stem-no-padding',
  'relu-before-add',
  'softmax-before-loss',
] as const;

export type PresetId = (typeof presetIds)[number];
