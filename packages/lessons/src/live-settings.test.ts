import { expect, test } from 'vitest';
import { knobDefault, numberSetting, parseKnobValue, resolveLiveSettings } from './live-settings.js';
import type { LiveExample, LiveKnob } from './live-types.js';

const blocks: LiveKnob = { key: 'blocks', kind: 'integer', min: 1, max: 40, default: 8, small: 2 };
const lr: LiveKnob = { key: 'lr', kind: 'number', min: 0.001, max: 0.5, scale: 'log', default: 0.05 };
const model: LiveKnob = { key: 'model', kind: 'choice', options: ['resnet20', 'resnet56'], default: 'resnet20' };
const shortcut: LiveKnob = { key: 'shortcut', kind: 'toggle', default: true };
const example: Pick<LiveExample, 'id' | 'knobs'> = { id: 'demo', knobs: [blocks, lr, model, shortcut] };

test('defaults are the knobs’ defaults; small runs take a knob’s small value where it has one', () => {
  expect(resolveLiveSettings(example, 'full')).toEqual({ blocks: 8, lr: 0.05, model: 'resnet20', shortcut: true });
  expect(resolveLiveSettings(example, 'small')).toEqual({ blocks: 2, lr: 0.05, model: 'resnet20', shortcut: true });
  expect(knobDefault(lr, 'small')).toBe(0.05);
  expect(resolveLiveSettings({ id: 'none' }, 'full')).toEqual({});
});

test('overrides are read from text and typed by the knob', () => {
  expect(resolveLiveSettings(example, 'full', { blocks: '20', lr: '0.1', model: 'resnet56', shortcut: 'false' })).toEqual({ blocks: 20, lr: 0.1, model: 'resnet56', shortcut: false });
  expect(resolveLiveSettings(example, 'small', { blocks: 3 })['blocks']).toBe(3);
});

test('a value outside the rule names the setting, the rule, the value and the fix', () => {
  expect(() => parseKnobValue(blocks, '41')).toThrow('live settings: blocks must be an integer from 1 to 40, but got "41". Pick a value in that range or press Reset.');
  expect(() => parseKnobValue(blocks, '2.5')).toThrow('blocks must be an integer from 1 to 40, but got "2.5"');
  expect(() => parseKnobValue(blocks, '')).toThrow('but got ""');
  expect(() => parseKnobValue(lr, '1')).toThrow('lr must be a number from 0.001 to 0.5, but got "1"');
  expect(() => parseKnobValue(model, 'resnet18')).toThrow('model must be one of resnet20, resnet56, but got "resnet18"');
  expect(() => parseKnobValue(shortcut, 'yes')).toThrow('shortcut must be true or false, but got "yes"');
});

test('a setting the example does not have is an error, not silently ignored', () => {
  expect(() => resolveLiveSettings(example, 'full', { block: '3' })).toThrow(
    'live settings: demo has no setting "block" (its settings: blocks, lr, model, shortcut). Remove it from the URL or press Reset.',
  );
});

test('numberSetting reads a number and refuses anything else', () => {
  expect(numberSetting({ blocks: 8 }, 'blocks')).toBe(8);
  expect(() => numberSetting({ model: 'resnet20' }, 'model')).toThrow('live settings: model must be a number, but got "resnet20". Declare it as an integer or number knob.');
});
