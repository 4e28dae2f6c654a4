import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limit.ts';

describe('failure limiter', () => {
  it('blocks a key after max failures until the window ends', () => {
    const l = createFailureLimiter({ max: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(l.blockedFor('ip', 1000)).toBe(0);
      l.fail('ip', 1000);
    }
    expect(l.blockedFor('ip', 1000)).toBe(60);
    expect(l.blockedFor('ip', 31_000)).toBe(30);
    expect(l.blockedFor('ip', 61_000)).toBe(0);
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const l = createFailureLimiter({ max: 1, windowMs: 1000 });
    l.fail('a', 0);
    expect(l.blockedFor('a', 0)).toBe(1);
    expect(l.blockedFor('b', 0)).toBe(0);
    l.reset('a');
    expect(l.blockedFor('a', 0)).toBe(0);
  });

  it('stays bounded in memory', () => {
    const l = createFailureLimiter({ max: 1, windowMs: 60_000, maxKeys: 10 });
    for (let i = 0; i < 100; i++) l.fail(`k${i}`, 0);
    expect(l.blockedFor('k99', 0)).toBe(60);
  });
});
