import { describe, expect, test } from 'vitest';
import { modelNames } from '../../model/models/registry.js';
import { resnetSpecs } from '../../model/models/resnet.js';
import { torchModuleSource } from './torch-module-file.js';

describe('torchModuleSource', () => {
  test('every registered model gets the template with its architecture in place of "ARCHITECTURE = None"', async () => {
    for (const name of modelNames) {
      const source = await torchModuleSource({ name, numClasses: 7, inputShape: [32, 32, 3] });
      const line = source.split('\n').find((text) => text.startsWith('ARCHITECTURE = '));
      const json = /^ARCHITECTURE = json\.loads\(r'''(.*)'''\)$/.exec(line ?? '')?.[1];
      expect(JSON.parse(json ?? 'null'), name).toEqual({ name, numClasses: 7, inputShape: [32, 32, 3], spec: JSON.parse(JSON.stringify(resnetSpecs[name])) });
    }
  });

  test('a name that is not registered is refused with the fix', async () => {
    await expect(torchModuleSource({ name: 'resnet21', numClasses: 10, inputShape: [32, 32, 3] })).rejects.toThrow(
      'torchModuleSource: config.name must be a registered model, but got "resnet21". Pass the config of a model built by buildModel (see modelNames).',
    );
  });
});
