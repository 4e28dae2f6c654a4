import { describe, expect, it } from 'vitest';
import { DEFAULT_OBJECTION_DAYS, objectionWindow } from './window.ts';

const finalAt = new Date('2031-10-01T00:00:00Z');
const day = (n: number) => new Date(finalAt.getTime() + n * 86_400_000);

describe('objection window', () => {
  it('is open for objectionDays (default 14) after the move to final, while final or published', () => {
    const cycle = { year: 2031, status: 'final' as const, finalAt, settings: {} };
    expect(DEFAULT_OBJECTION_DAYS).toBe(14);
    expect(objectionWindow(cycle, day(0)).open).toBe(true);
    expect(objectionWindow(cycle, day(13.99)).open).toBe(true);
    expect(objectionWindow(cycle, day(14))).toMatchObject({ open: false, closesAt: day(14) });
    expect(objectionWindow({ ...cycle, status: 'published' }, day(3)).open).toBe(true);
    expect(objectionWindow({ ...cycle, settings: { objectionDays: 3 } }, day(3)).open).toBe(false);
    expect(objectionWindow({ ...cycle, settings: { objectionDays: 30 } }, day(20)).open).toBe(true);
  });

  it('is closed before final, after a reopening to review, and for cycles that never went final', () => {
    expect(objectionWindow({ year: 2031, status: 'review', finalAt, settings: {} }, day(1)).open).toBe(false);
    const never = objectionWindow({ year: 2022, status: 'published', finalAt: null, settings: {} }, day(1));
    expect(never).toMatchObject({ open: false, opensAt: null, closesAt: null });
    expect(never.reason).toContain('no objection window');
  });
});
