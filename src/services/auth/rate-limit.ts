/**
 * A small in-memory limiter of failed attempts per key (an IP address, or an email
 * that has no account): after `max` failures within `windowMs` the key is blocked
 * until the window ends. One per server process; accounts have their lockout in
 * the database as well (login.ts).
 */
export interface FailureLimiter {
  /** seconds until the key may try again; 0 when it may try now */
  blockedFor(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export function createFailureLimiter(opts: { max: number; windowMs: number; maxKeys?: number }): FailureLimiter {
  const entries = new Map<string, { count: number; start: number }>();
  const maxKeys = opts.maxKeys ?? 100_000;
  const live = (key: string, now: number) => {
    const e = entries.get(key);
    if (e && now - e.start >= opts.windowMs) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    blockedFor(key, now = Date.now()) {
      const e = live(key, now);
      if (!e || e.count < opts.max) return 0;
      return Math.ceil((e.start + opts.windowMs - now) / 1000);
    },
    fail(key, now = Date.now()) {
      const e = live(key, now);
      if (e) e.count += 1;
      else {
        if (entries.size >= maxKeys) {
          // forget the oldest keys rather than grow without bound
          for (const k of entries.keys()) {
            entries.delete(k);
            if (entries.size < maxKeys / 2) break;
          }
        }
        entries.set(key, { count: 1, start: now });
      }
    },
    reset(key) {
      entries.delete(key);
    },
  };
}
