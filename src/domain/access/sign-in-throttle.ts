/**
 * The rules that throttle sign-in attempts, pure. Every attempt is counted before its
 * password is checked (a success gives its count back), so parallel guesses count as
 * surely as sequential ones. Three throttles apply to each attempt:
 * - an account from one network: after `max` attempts a lockout, twice as long each
 *   time (a stranger locks the account out of the stranger's network only);
 * - a network across accounts: the same, with a higher `max`;
 * - an account from anywhere: looser, and it slows rather than locks: past `max`,
 *   one attempt per `lockMs`, so the owner can still sign in after a short wait.
 */

export interface ThrottleRule {
  max: number;
  windowMs: number;
  /** 'lock': the first lockout's length (doubled at each further one, up to maxLockMs); 'slow': the gap between attempts */
  lockMs: number;
  mode: 'lock' | 'slow';
  maxLockMs?: number;
}

export interface ThrottleState {
  attempts: number;
  windowStart: number;
  strikes: number;
  blockedUntil: number | null;
}

export interface Admission {
  admitted: boolean;
  /** ms until the key may try again, when refused */
  retryAfterMs: number;
  next: ThrottleState;
  /** this attempt started a lockout (to be audited) */
  lockedNow: boolean;
}

/** strikes are forgotten after a quiet day */
export const STRIKE_MEMORY_MS = 24 * 60 * 60 * 1000;

export const FRESH: ThrottleState = { attempts: 0, windowStart: 0, strikes: 0, blockedUntil: null };

/** Counts one attempt against a rule, or refuses it. */
export function admit(rule: ThrottleRule, state: ThrottleState, now: number): Admission {
  if (state.blockedUntil !== null && state.blockedUntil > now) {
    return { admitted: false, retryAfterMs: state.blockedUntil - now, next: state, lockedNow: false };
  }
  const quiet = now - state.windowStart >= STRIKE_MEMORY_MS;
  const s: ThrottleState =
    now - state.windowStart >= rule.windowMs
      ? { attempts: 0, windowStart: now, strikes: quiet ? 0 : state.strikes, blockedUntil: null }
      : { ...state, blockedUntil: null };
  if (s.attempts < rule.max) {
    return { admitted: true, retryAfterMs: 0, next: { ...s, attempts: s.attempts + 1 }, lockedNow: false };
  }
  if (rule.mode === 'slow') {
    const next = { ...s, attempts: s.attempts + 1, blockedUntil: now + rule.lockMs };
    return { admitted: true, retryAfterMs: 0, next, lockedNow: s.attempts === rule.max };
  }
  const lockMs = Math.min(rule.lockMs * 2 ** s.strikes, rule.maxLockMs ?? STRIKE_MEMORY_MS);
  const next = { attempts: 0, windowStart: now, strikes: s.strikes + 1, blockedUntil: now + lockMs };
  return { admitted: false, retryAfterMs: lockMs, next, lockedNow: true };
}

/** A success gives its attempt back (and, for an account from one network, ends the strikes). */
export function succeed(state: ThrottleState, forget: boolean): ThrottleState | null {
  if (forget) return null;
  return { ...state, attempts: Math.max(0, state.attempts - 1) };
}

/**
 * The network an address belongs to, for throttling: an IPv4 address itself, an
 * IPv6 address's /64 (one household or office gets a /64, and can pick any address in it).
 */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
