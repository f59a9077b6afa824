import { expect, test } from 'vitest';
import { ShapeError, shapeErrorMessage } from './shape-error.js';

test('a ShapeError says its name and carries the message as given', () => {
  const error = new ShapeError(shapeErrorMessage('add', '[N,8] vs [N,9]', 'make both the same shape'));
  expect(error.name).toBe('ShapeError');
  expect(error).toBeInstanceOf(Error);
  expect(String(error)).toBe('ShapeError: shape error: add: [N,8] vs [N,9] — make both the same shape');
});
