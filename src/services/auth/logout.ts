import { appendAudit } from '../../db/repos/audit.ts';
import { deleteSession, deleteUserSessions } from '../../db/repos/sessions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { actorOf, type Principal } from './principal.ts';
import { sha256Hex } from './secrets.ts';

/** Ends one session (the one whose secret is given). Ending a session that is gone is fine. */
export async function logout(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await deleteSession(ctx.db, sha256Hex(sessionToken));
}

/** Ends every session of the signed-in user, on every device. */
export async function logoutEverywhere(ctx: ServiceContext, actor: Principal): Promise<{ sessions: number }> {
  if (actor.kind !== 'user' || actor.userId === null) {
    throw new AppError(
      actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      'only a signed-in person can sign out everywhere',
    );
  }
  const userId = actor.userId;
  return ctx.db.transaction().execute(async (tx) => {
    const sessions = await deleteUserSessions(tx, userId);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'auth.logout-all',
      subject: `user:${userId}`,
      after: { sessions },
    });
    return { sessions };
  });
}
