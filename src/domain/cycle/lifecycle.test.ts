import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES, canMove, isOpenForFieldwork, nextStatuses } from './lifecycle.ts';

describe('cycle lifecycle', () => {
  it('moves forward one step at a time', () => {
    expect(canMove('draft', 'fieldwork')).toBe(true);
    expect(canMove('fieldwork', 'review')).toBe(true);
    expect(canMove('review', 'final')).toBe(true);
    expect(canMove('final', 'published')).toBe(true);
  });

  it('allows sending back from review and reopening a final cycle', () => {
    expect(canMove('review', 'fieldwork')).toBe(true);
    expect(canMove('final', 'review')).toBe(true);
  });

  it('skips no step and never leaves published', () => {
    expect(canMove('draft', 'review')).toBe(false);
    expect(canMove('fieldwork', 'final')).toBe(false);
    expect(canMove('review', 'published')).toBe(false);
    expect(canMove('fieldwork', 'draft')).toBe(false);
    for (const s of CYCLE_STATUSES) expect(canMove('published', s)).toBe(false);
    expect(nextStatuses('published')).toEqual([]);
  });

  it('never moves to the same status', () => {
    for (const s of CYCLE_STATUSES) expect(canMove(s, s)).toBe(false);
  });

  it('keeps units open to change only until the results are final', () => {
    expect(CYCLE_STATUSES.filter(isOpenForFieldwork)).toEqual(['draft', 'fieldwork', 'review']);
  });
});
