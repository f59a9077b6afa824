import { expect, test } from 'vitest';
import { suggestedShortcuts } from './suggested-shortcuts.js';

test('the shortcut a shape error names, taken from its message', () => {
  const library = "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)";
  expect(suggestedShortcuts(`Argument of type '{ filters: number; strides: number; }' is not assignable to parameter of type '"${library}"'.`)).toEqual(['projection']);
});

test('every shortcut a message offers, in its order, once each', () => {
  expect(suggestedShortcuts("… — use shortcut: 'projection' (1×1 conv, stride 2) or shortcut: 'zero-pad' (no parameters); shortcut: 'projection' again")).toEqual(['projection', 'zero-pad']);
});

test('no fix where the message does not tell you to use a shortcut', () => {
  expect(suggestedShortcuts('add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv')).toEqual([]);
  expect(suggestedShortcuts("the identity shortcut: 'identity' is the default")).toEqual([]);
});
