/**
 * The sign-in throttles (rules in domain/access/sign-in-throttle.ts), kept in the
 * database so that every process counts the same attempts. `reserve` counts an
 * attempt before its password is checked, in one transaction that holds the rows'
 * locks, and audits any lockout it starts; `settle` gives a success its count back.
 * Keys use a digest of the email, whether or not it has an account, so the
 * answers do not tell whether it has one.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  clearAccountThrottles,
  deleteStaleThrottles,
  lockThrottles,
  writeThrottle,
} from '../../db/repos/sign-in-throttle.ts';
import { admit, FRESH, networkOf, succeed, type ThrottleRule } from '../../domain/access/sign-in-throttle.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { sha256Hex } from './secrets.ts';
import { ACCOUNT_NETWORK_RULE, ACCOUNT_RULE, NETWORK_RULE } from './sessions-config.ts';

export interface LoginGuard {
  accountNetwork: ThrottleRule;
  network: ThrottleRule;
  account: ThrottleRule;
}

export function createLoginGuard(opts: Partial<LoginGuard> = {}): LoginGuard {
  return {
    accountNetwork: opts.accountNetwork ?? ACCOUNT_NETWORK_RULE,
    network: opts.network ?? NETWORK_RULE,
    account: opts.account ?? ACCOUNT_RULE,
  };
}

type Which = keyof LoginGuard;

function keysOf(email: string, ip: string): Record<Which, string> {
  const h = sha256Hex(`patuh-sign-in\u0000${email}`).slice(0, 32);
  const net = networkOf(ip);
  return { accountNetwork: `an:${h}:${net}`, network: `n:${net}`, account: `a:${h}` };
}

export function tooManyAttempts(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const wait = seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  return new AppError('RATE_LIMITED', `too many sign-in attempts; wait ${wait} and try again`, {
    retryAfterSeconds: seconds,
  });
}

let reservations = 0;

/** Counts the attempt, or throws RATE_LIMITED (with Retry-After) when a throttle refuses it. */
export async function reserveSignIn(
  ctx: ServiceContext,
  guard: LoginGuard,
  attempt: { email: string; ip: string; userId: number | null },
): Promise<void> {
  const keys = keysOf(attempt.email, attempt.ip);
  if (++reservations % 500 === 0) await deleteStaleThrottles(ctx.db, new Date());
  const refusedFor = await ctx.db.transaction().execute(async (tx) => {
    const states = await lockThrottles(tx, Object.values(keys));
    // the time of the decision: after the locks, so an attempt that waited for a parallel
    // one is judged at the same clock that one wrote its lockout with
    const now = Date.now();
    const which = Object.keys(keys) as Which[];
    const decided = which.map((w) => ({ w, a: admit(guard[w], states.get(keys[w]) ?? FRESH, now) }));
    const refused = decided.filter((d) => !d.a.admitted);
    // a refused attempt changes only the throttles that refused it (starting their lockouts)
    for (const { w, a } of refused.length > 0 ? refused : decided) await writeThrottle(tx, keys[w], a.next, now);
    for (const { w, a } of decided) {
      if (!a.lockedNow || (refused.length > 0 && a.admitted)) continue;
      const subject = w === 'network' ? `network:${networkOf(attempt.ip)}` : attempt.userId && `user:${attempt.userId}`;
      if (!subject) continue; // an email without an account: nothing to tell an admin about
      await appendAudit(tx, {
        actor: `ip:${attempt.ip}`,
        action: w === 'account' ? 'auth.slowdown' : w === 'network' ? 'auth.lockout-network' : 'auth.lockout',
        subject,
        after: { seconds: Math.round(((a.next.blockedUntil ?? now) - now) / 1000), strikes: a.next.strikes },
      });
    }
    return Math.max(0, ...refused.map((d) => d.a.retryAfterMs));
  });
  if (refusedFor > 0) throw tooManyAttempts(Math.ceil(refusedFor / 1000));
}

/** A right password: the attempt is given back, and the account's lockouts on this network end. */
export async function settleSignIn(ctx: ServiceContext, attempt: { email: string; ip: string }): Promise<void> {
  const now = Date.now();
  const keys = keysOf(attempt.email, attempt.ip);
  await ctx.db.transaction().execute(async (tx) => {
    const states = await lockThrottles(tx, Object.values(keys));
    for (const w of Object.keys(keys) as Which[]) {
      const s = states.get(keys[w]);
      if (s) await writeThrottle(tx, keys[w], succeed(s, w === 'accountNetwork'), now);
    }
  });
}

/** A new password ends every throttle of the account (on every network). */
export async function clearSignInThrottles(ctx: Pick<ServiceContext, 'db'>, email: string): Promise<void> {
  const keys = keysOf(email, '0.0.0.0');
  await clearAccountThrottles(ctx.db, keys.account, keys.accountNetwork.replace(/:0\.0\.0\.0$/, ':'));
}
