import { describe, expect, test } from 'vitest';
import { formatNumber } from './format-number.js';

describe('formatNumber', () => {
  test('groups thousands of integers with commas', () => {
    expect(formatNumber(1179648)).toBe('1,179,648');
    expect(formatNumber(69632)).toBe('69,632');
    expect(formatNumber(-73728)).toBe('-73,728');
    expect(formatNumber(12)).toBe('12');
  });
  test('keeps four significant decimals by default, trailing zeros dropped', () => {
    expect(formatNumber(0.0255179)).toBe('0.02552');
    expect(formatNumber(37.78343433)).toBe('37.7834');
    expect(formatNumber(0.25)).toBe('0.25');
  });
  test('fixed decimals when asked', () => {
    expect(formatNumber(0.0255179, 3)).toBe('0.026');
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
  });
  test('very small or large values use exponent notation', () => {
    expect(formatNumber(1.5e-7)).toBe('1.500e-7');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
