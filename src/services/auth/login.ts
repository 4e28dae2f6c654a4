/**
 * Signing in with email and password. Each attempt is counted before its password
 * is checked (sign-in-guard.ts), per account and network, per network and per
 * account, in the database; an unknown email is counted and refused exactly like a
 * known one: same answer, same time, same throttles.
 */
import { deleteExpiredSessions, insertSession } from '../../db/repos/sessions.ts';
import { findUserByEmail } from '../../db/repos/users.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { verifyPassword } from './passwords.ts';
import { csrfTokenFor, newSecret, sha256Hex } from './secrets.ts';
import { SESSION_IDLE_MS } from './sessions-config.ts';
import { type LoginGuard, reserveSignIn, settleSignIn } from './sign-in-guard.ts';

export { createLoginGuard, type LoginGuard } from './sign-in-guard.ts';

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

export async function login(ctx: ServiceContext, guard: LoginGuard, input: LoginInput): Promise<LoginResult> {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(ctx.db, email);
  await reserveSignIn(ctx, guard, { email, ip: input.ip, userId: user?.id ?? null });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!ok || !user) throw wrong();
  if (!user.active) throw wrong();
  await settleSignIn(ctx, { email, ip: input.ip });

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
