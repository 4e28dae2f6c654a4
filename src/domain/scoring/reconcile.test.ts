import { describe, expect, it } from 'vitest';
import { reconcilePublished } from './reconcile.ts';

describe('reconcilePublished', () => {
  it('explains Kabupaten Cianjur 2022 (units average 82.8243, entity 82.83) as rounding', () => {
    // seven published unit scores whose mean is 82.8243 (to four decimals)
    const units = [85.12, 80.5, 83.33, 81.9, 84.77, 82.1, 82.05];
    const r = reconcilePublished(82.83, units);
    expect(r?.unitMean).toBeCloseTo(82.8243, 4);
    expect(r?.difference).toBe(0.0057);
    expect(r?.withinRounding).toBe(true);
  });

  it('counts exactly one hundredth as rounding, and more as not', () => {
    expect(reconcilePublished(80.01, [80, 80])?.withinRounding).toBe(true);
    expect(reconcilePublished(79.99, [80, 80])?.withinRounding).toBe(true);
    expect(reconcilePublished(80.02, [80, 80])?.withinRounding).toBe(false);
    expect(reconcilePublished(81, [80, 80])?.difference).toBe(1);
  });

  it('has nothing to say without published units', () => {
    expect(reconcilePublished(80, [])).toBeNull();
  });
});
