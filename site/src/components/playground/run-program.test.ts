import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as core from '@residual/core';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { programModules } from './program-modules.js';
import { modelOf, runProgram } from './run-program.js';

const modules = programModules();
const transpile = (code: string) => ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
const preset = (name: string) => readFileSync(new URL(`./presets/${name}.ts`, import.meta.url), 'utf8');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('running a playground program', () => {
  test('the ResNet-20 preset builds into a model from its last exported tensor, with every input', () => {
    const found = modelOf(runProgram(transpile(preset('resnet20.fix')), modules), core, tfl);
    expect(found?.name).toBe('logits');
    expect(found?.model.inputs.map((input) => input.shape)).toEqual([[null, 32, 32, 3]]);
    expect(found?.model.outputs[0]?.shape).toEqual([null, 10]);
    // 20 weighted layers: the stem, 18 convs in 9 blocks, the linear layer (2 projections beside).
    const convs = found?.model.layers.filter((layer) => layer.getClassName() === 'Conv2D').length;
    expect(convs).toBe(1 + 18 + 2);
    expect(core.countParams(found!.model).total).toBeGreaterThan(270_000);
  });

  test('a bug that JavaScript runs throws the same words the compiler printed', () => {
    expect(() => runProgram(transpile(preset('block-identity-stride2.bug')), modules)).toThrow("use shortcut: 'projection'");
  });

  test('an import the playground does not provide is an error naming what it does', () => {
    expect(() => runProgram(transpile("import fs from 'node:fs';\nexport const x = fs;"), modules)).toThrow(
      "playground: imports must come from @residual/core, @residual/core/model, @residual/core/training, @residual/core/engine, @tensorflow/tfjs-core, @tensorflow/tfjs-layers, but got 'node:fs'. Import from one of those.",
    );
  });

  test("a lesson's own import line (`@residual/core/model`) runs as it is", () => {
    const found = modelOf(runProgram(transpile("import { input, basicBlock } from '@residual/core/model';\nexport const y = basicBlock(input([32, 32, 16]), { filters: 16 });"), modules), core, tfl);
    expect(found?.model.outputs[0]?.shape).toEqual([null, 32, 32, 16]);
  });

  test('a program without a model has none; an exported model wins over tensors', () => {
    expect(modelOf(runProgram(transpile('export const n = 1;'), modules), core, tfl)).toBeUndefined();
    const built = core.resnet20();
    expect(modelOf({ y: undefined, model: built }, core, tfl)?.model).toBe(built.layersModel);
  });
});
