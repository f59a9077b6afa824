import { describe, expect, it } from 'vitest';
import { logAxisValue } from './log-axis-value.js';

describe('logAxisValue', () => {
  it('writes small and large decades as powers of ten, the ones near 1 as plain numbers', () => {
    expect([1e-25, 1e-20, 1e-5, 0.001, 0.01, 0.1, 1, 10, 1000, 1e4, 1e6].map((tick) => logAxisValue(tick))).toEqual([
      '1e-25', '1e-20', '1e-5', '0.001', '0.01', '0.1', '1', '10', '1000', '1e+4', '1e+6',
    ]);
    expect(logAxisValue(20)).toBe('20');
  });

  it('keeps the digits asked for when a value is read off the cursor', () => {
    expect(logAxisValue(1.3716e-22, 3)).toBe('1.37e-22');
    expect(logAxisValue(0.0011634, 3)).toBe('0.00116');
    expect(logAxisValue(1.1873, 3)).toBe('1.19');
  });
});
