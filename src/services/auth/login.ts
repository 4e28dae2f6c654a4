/**
 * Signing in with email and password. Failures are counted per account in the
 * database (5 in a row lock it for 15 minutes) and per IP address and per unknown
 * email in memory, so an unknown email is refused exactly like a known one: same
 * answer, same time, same lockout.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import { deleteExpiredSessions, insertSession } from '../../db/repos/sessions.ts';
import { clearFailedLogins, findUserByEmail, recordFailedLogin } from '../../db/repos/users.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { verifyPassword } from './passwords.ts';
import { createFailureLimiter, type FailureLimiter } from './rate-limit.ts';
import { csrfTokenFor, newSecret, sha256Hex } from './secrets.ts';
import {
  ACCOUNT_LOCK_MS,
  ACCOUNT_MAX_FAILURES,
  IP_MAX_FAILURES,
  IP_WINDOW_MS,
  SESSION_IDLE_MS,
} from './sessions-config.ts';

export interface LoginGuard {
  byIp: FailureLimiter;
  byUnknownEmail: FailureLimiter;
  accountMaxFailures: number;
  accountLockMs: number;
}

export function createLoginGuard(
  opts: { ipMaxFailures?: number; ipWindowMs?: number; accountMaxFailures?: number; accountLockMs?: number } = {},
): LoginGuard {
  const accountMaxFailures = opts.accountMaxFailures ?? ACCOUNT_MAX_FAILURES;
  const accountLockMs = opts.accountLockMs ?? ACCOUNT_LOCK_MS;
  return {
    byIp: createFailureLimiter({
      max: opts.ipMaxFailures ?? IP_MAX_FAILURES,
      windowMs: opts.ipWindowMs ?? IP_WINDOW_MS,
    }),
    byUnknownEmail: createFailureLimiter({ max: accountMaxFailures, windowMs: accountLockMs }),
    accountMaxFailures,
    accountLockMs,
  };
}

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface LoginResult {
  userId: number;
  /** the secret for the session cookie; only its digest is stored */
  sessionToken: string;
  csrfToken: string;
}

const wrong = () => new AppError('INVALID_CREDENTIALS', 'the email or the password is wrong');

function tooMany(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError(
    'RATE_LIMITED',
    `too many failed sign-ins; try again in ${minutes} minute${minutes > 1 ? 's' : ''}`,
    { retryAfterSeconds: seconds },
  );
}

export async function login(ctx: ServiceContext, guard: LoginGuard, input: LoginInput): Promise<LoginResult> {
  const now = new Date();
  const ipWait = guard.byIp.blockedFor(input.ip, now.getTime());
  if (ipWait > 0) throw tooMany(ipWait);
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(ctx.db, email);

  if (!user) {
    const wait = guard.byUnknownEmail.blockedFor(email, now.getTime());
    if (wait > 0) throw tooMany(wait);
    await verifyPassword(null, input.password);
    guard.byUnknownEmail.fail(email, now.getTime());
    guard.byIp.fail(input.ip, now.getTime());
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw tooMany(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    guard.byIp.fail(input.ip, now.getTime());
    const { locked } = await recordFailedLogin(
      ctx.db,
      user.id,
      guard.accountMaxFailures,
      new Date(now.getTime() + guard.accountLockMs),
    );
    if (locked) {
      await appendAudit(ctx.db, {
        actor: `ip:${input.ip}`,
        action: 'auth.lockout',
        subject: `user:${user.id}`,
        after: { minutes: guard.accountLockMs / 60_000 },
      });
    }
    throw wrong();
  }
  if (!user.active) throw wrong();

  if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(ctx.db, user.id);
  await deleteExpiredSessions(ctx.db, user.id, now);
  const sessionToken = newSecret();
  await insertSession(ctx.db, {
    id: sha256Hex(sessionToken),
    userId: user.id,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { userId: user.id, sessionToken, csrfToken: csrfTokenFor(sessionToken) };
}
