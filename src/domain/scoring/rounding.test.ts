import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore, roundHalfUp, toHundredths } from './rounding.ts';

describe('roundHalfUp', () => {
  it.each([
    [77.995, 78.0],
    [87.994, 87.99],
    [31.995, 32.0],
    [83.175, 83.18],
    [1.005, 1.01],
    [0.125, 0.13],
    [58.985, 58.99],
    [100, 100],
    [0, 0],
    [54.994999, 54.99],
    [2 / 3, 0.67],
  ])('%d → %d', (input, expected) => {
    expect(roundHalfUp(input)).toBe(expected);
  });

  it('rounds exact fractions on the boundary up, as a decimal calculation would', () => {
    // (x + 0.5) / 100 for every hundredth: the half is always rounded up
    for (let h = 0; h < 10000; h++) {
      const value = (h * 10 + 5) / 1000;
      expect(toHundredths(value)).toBe(h + 1);
    }
  });

  it('never moves a value by more than half a hundredth', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        expect(Math.abs(roundHalfUp(x) - x)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });

  it('formats with two decimals, comma in Indonesian', () => {
    expect(formatScore(83.18)).toBe('83,18');
    expect(formatScore(78, 'en')).toBe('78.00');
  });
});
