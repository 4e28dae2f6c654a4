import { describe, expect, it } from 'vitest';
import { INT4_MAX, int4Id, int4IdParam, isoDate, pageNumber } from './scalars.ts';

describe('scalar schemas', () => {
  it('takes ids up to the database integer and refuses one above it', () => {
    expect(int4Id.safeParse(INT4_MAX).success).toBe(true);
    expect(int4Id.safeParse(INT4_MAX + 1).success).toBe(false);
    expect(int4Id.safeParse(0).success).toBe(false);
    expect(int4IdParam.safeParse('2147483648').success).toBe(false);
    expect(int4IdParam.safeParse('17').data).toBe(17);
    expect(pageNumber.safeParse('99999999999').success).toBe(false);
  });

  it('takes dates that exist and refuses impossible ones', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    for (const d of [
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '2025-04-31',
      '0000-01-01',
      '2025-1-1',
      '2025-01-01T00:00',
    ])
      expect([d, isoDate.safeParse(d).success]).toEqual([d, false]);
  });
});
