import { expect, test } from 'vitest';
import { closestName } from './closest-name.js';

test('closestName picks the fewest edits, the first of equals', () => {
  const shortcuts = ['identity', 'projection', 'zero-pad', 'none'] as const;
  expect(closestName('projecton', shortcuts)).toBe('projection');
  expect(closestName('zeropad', shortcuts)).toBe('zero-pad');
  expect(closestName('nine', shortcuts)).toBe('none');
  expect(closestName('resnet19', ['resnet18', 'resnet20'])).toBe('resnet18'); // both one edit away: the first
  expect(closestName('resnet2O', ['resnet18', 'resnet20', 'resnet200'])).toBe('resnet20');
  expect(closestName('', ['ab', 'a'])).toBe('a');
  expect(closestName('abc', ['xyz'])).toBe('xyz');
});

test('closestName needs at least one candidate', () => {
  expect(() => closestName('x', [])).toThrow('closestName: candidates must hold at least one name, but got none. Pass the valid names.');
});

test('every character counts, the last ones too, and ties go to the first (found by mutation testing)', () => {
  expect(closestName('abcd', ['abcx', 'abcd'])).toBe('abcd');
  expect(closestName('abcd', ['xbcd', 'abcd'])).toBe('abcd');
  expect(closestName('abcd', ['abc', 'abcd'])).toBe('abcd');
  expect(closestName('abc', ['abcd', 'abc'])).toBe('abc');
  expect(closestName('ab', ['aa', 'bb'])).toBe('aa');
  expect(closestName('ab', ['bb', 'aa'])).toBe('bb');
});
