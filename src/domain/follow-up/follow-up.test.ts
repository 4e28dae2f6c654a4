import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_ITEMS, followUpLimit, tallyStatuses } from './follow-up.ts';

describe('follow-up', () => {
  it('takes the number of items from the cycle, 10 by default', () => {
    expect(followUpLimit({})).toBe(DEFAULT_FOLLOW_UP_ITEMS);
    expect(DEFAULT_FOLLOW_UP_ITEMS).toBe(10);
    expect(followUpLimit({ followUpItems: 3 })).toBe(3);
  });

  it('counts items by status and the share done', () => {
    expect(tallyStatuses(['open', 'done', 'in_progress'])).toEqual({
      total: 3,
      open: 1,
      inProgress: 1,
      done: 1,
      percentDone: 33.33,
    });
    expect(tallyStatuses([]).percentDone).toBeNull();
  });
});
