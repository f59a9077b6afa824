import { expect, test } from 'vitest';
import { checkParity } from './check-parity.js';

// The lessons of this package: English and Chinese must agree in structure, components and numbers.
test('every lesson has the same sections, components and numbers in English and Chinese', async () => {
  const problems = await checkParity();
  expect(problems, `parity problems:\n${problems.join('\n')}`).toEqual([]);
});
