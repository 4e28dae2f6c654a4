import { describe, expect, it } from 'vitest';
import { admit, FRESH, networkOf, succeed, type ThrottleRule, type ThrottleState } from './sign-in-throttle.ts';

const lock: ThrottleRule = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000, mode: 'lock' };
const slow: ThrottleRule = { max: 3, windowMs: 15 * 60_000, lockMs: 30_000, mode: 'slow' };

function run(rule: ThrottleRule, n: number, now = 1_000_000, from: ThrottleState = FRESH) {
  let s = from;
  const out: boolean[] = [];
  let locked = 0;
  for (let i = 0; i < n; i++) {
    const a = admit(rule, s, now);
    out.push(a.admitted);
    if (a.lockedNow) locked += 1;
    s = a.next;
  }
  return { out, s, locked };
}

describe('sign-in throttle', () => {
  it('admits max attempts, then locks once and refuses the rest until the lockout ends', () => {
    const { out, s, locked } = run(lock, 200);
    expect(out.filter(Boolean)).toHaveLength(5);
    expect(out.slice(0, 5).every(Boolean)).toBe(true);
    expect(locked).toBe(1);
    const refused = admit(lock, s, 1_000_000 + 60_000);
    expect(refused.admitted).toBe(false);
    expect(refused.retryAfterMs).toBe(14 * 60_000);
    expect(admit(lock, s, 1_000_000 + 15 * 60_000).admitted).toBe(true);
  });

  it('doubles each further lockout, and forgets the strikes after a quiet day', () => {
    const first = run(lock, 6).s;
    const second = run(lock, 6, 1_000_000 + 15 * 60_000, first).s;
    expect((second.blockedUntil ?? 0) - (1_000_000 + 15 * 60_000)).toBe(30 * 60_000);
    const third = run(lock, 6, 1_000_000 + 45 * 60_000, second).s;
    expect((third.blockedUntil ?? 0) - (1_000_000 + 45 * 60_000)).toBe(60 * 60_000);
    const later = 1_000_000 + 45 * 60_000 + 25 * 3600_000;
    const fresh = run(lock, 6, later, third).s;
    expect((fresh.blockedUntil ?? 0) - later).toBe(15 * 60_000);
  });

  it('slows an account past its limit to one attempt per gap instead of locking it', () => {
    const { out, s, locked } = run(slow, 10);
    expect(out).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(locked).toBe(1);
    expect(admit(slow, s, 1_000_000 + 29_000).admitted).toBe(false);
    expect(admit(slow, s, 1_000_000 + 30_000).admitted).toBe(true);
  });

  it('gives a success its attempt back, or forgets the key', () => {
    const { s } = run(lock, 3);
    expect(succeed(s, false)?.attempts).toBe(2);
    expect(succeed({ ...s, attempts: 0 }, false)?.attempts).toBe(0);
    expect(succeed(s, true)).toBeNull();
  });

  it('groups IPv6 addresses by /64 and unwraps IPv4-mapped ones', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });
});
