import { expect, test } from 'vitest';
import { addOutputShape, projectionHint, zeroPadHint } from './add-shape.js';

test('addOutputShape merges agreeing shapes', () => {
  expect(addOutputShape([null, 8, 8, 16], [4, 8, 8, 16])).toEqual([4, 8, 8, 16]);
});

test('a mismatch names the projection, in the words of the type error', () => {
  expect(projectionHint([null, 4, 4, 8], [null, 7, 7, 8])).toBe('1×1 conv, stride 2, 8→8');
  expect(() => addOutputShape([null, 16, 16, 128], [null, 32, 32, 64])).toThrow(
    'shape error: add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→128) and batchNorm, or zero-pad it (zeroPadShortcut, stride 2, 64→128)',
  );
  expect(() => addOutputShape([null, 16, 16, 32], [null, 32, 32, 64])).toThrow(
    /— project the second input with a shortcut conv \(1×1 conv, stride 2, 64→32\) and batchNorm$/,
  );
  expect(() => addOutputShape([null, 8, 8, 16], [null, 8, 8])).toThrow(
    'shape error: add: inputs must have the same shape, but got [N,8,8,16] and [N,8,8] — make both inputs the same shape',
  );
});

test('the zero-pad hint: only where zeros can add the channels, as the type says', () => {
  expect(zeroPadHint([null, 16, 16, 128], [null, 32, 32, 64])).toBe('zeroPadShortcut, stride 2, 64→128');
  expect(zeroPadHint([null, 56, 56, 64], [null, 56, 56, 64])).toBe('zeroPadShortcut, stride 1, 64→64');
  expect(zeroPadHint([null, 16, 16, 32], [null, 32, 32, 64])).toBe('');
  expect(zeroPadHint([null, 32, 32, 64], [null, 16, 16, 64])).toBe('');
  expect(zeroPadHint([null, 8, 8], [null, 8, 8, 16])).toBe('');
});

test('hints only where they can help, and merge unknown dimensions both ways (found by mutation testing)', () => {
  expect(projectionHint([null, 32, 32, 64], [null, 16, 16, 64])).toBe(''); // a 1×1 conv cannot enlarge
  expect(projectionHint([null, 8, 8], [null, 16, 16, 4])).toBe('');
  expect(zeroPadHint([null, null, 8, 128], [null, 16, 16, 64])).toBe('');
  expect(zeroPadHint([null, 8, 8, 128], [null, null, 16, 64])).toBe('');
  expect(zeroPadHint([null, 8, 8, null], [null, 16, 16, 64])).toBe('zeroPadShortcut, stride 2, 64→?');
  expect(zeroPadHint([null, 8, 8, 128], [null, 16, 16, null])).toBe('zeroPadShortcut, stride 2, ?→128');
  expect(addOutputShape([4, null, 8, 16], [null, 8, 8, null])).toEqual([4, 8, 8, 16]);
  expect(() => addOutputShape([4, 8], [4, 8, 1])).toThrow('shape error: add: inputs must have the same shape, but got [4,8] and [4,8,1] — make both inputs the same shape');
});
