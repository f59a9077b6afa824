import { describe, expect, it } from 'vitest';
import { parseScientific, scientific } from './scientific.js';

describe('scientific', () => {
  it('writes a mantissa and a superscript power of ten', () => {
    expect(scientific(9.5367e-7, 2)).toBe('9.54 × 10⁻⁷');
    expect(scientific(2.4e-7)).toBe('2.4 × 10⁻⁷');
    expect(scientific(12345)).toBe('1.2 × 10⁴');
    expect(scientific(0)).toBe('0');
  });

  it('reads its own output back', () => {
    expect(parseScientific('9.54 × 10⁻⁷')).toBe(9.54e-7);
    expect(parseScientific('1.2 × 10⁴')).toBe(1.2e4);
    expect(parseScientific('0')).toBe(0);
    expect(parseScientific(0.5)).toBe(0.5);
  });
});
