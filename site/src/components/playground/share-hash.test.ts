import { expect, test } from 'vitest';
import { codeFromHash, codeHash } from './share-hash.js';

test('a program survives the address: ASCII, Chinese, symbols and shape comments', () => {
  for (const code of ['', 'const x = 1;', '// 残差块 [N, 16, 16, 32] — 1×1 conv, 64→128 ⌊(32 − 1) / 2⌋', 'a'.repeat(1000)]) {
    const hash = codeHash(code);
    expect(hash).toMatch(/^#code=[A-Za-z0-9_-]*$/);
    expect(codeFromHash(hash)).toBe(code);
  }
});

test('the encoding is base64url of UTF-8, without padding', () => {
  expect(codeHash('const x = 1;')).toBe('#code=Y29uc3QgeCA9IDE7');
  expect(codeHash('?>')).toBe('#code=Pz4');
  expect(codeFromHash(`#code=${Buffer.from('残差 ≥ 0', 'utf8').toString('base64url')}`)).toBe('残差 ≥ 0');
});

test('no code in the address, or a broken one', () => {
  expect(codeFromHash('')).toBeUndefined();
  expect(codeFromHash('#preset=resnet20')).toBeUndefined();
  expect(() => codeFromHash('#code=a+b/c')).toThrow('codeFromHash: #code must be base64url (A–Z, a–z, 0–9, - and _), but got "a+b/c". Copy the whole link again.');
  expect(() => codeFromHash('#code=__8')).toThrow(); // bytes ff ff: not UTF-8
});
