/** From what a request carries (a session cookie or a bearer token) to a principal. */
import { findLiveSession, touchSession } from '../../db/repos/sessions.ts';
import { findLiveToken, touchToken } from '../../db/repos/tokens.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import type { Principal } from './principal.ts';
import { looksLikeApiToken, sha256Hex } from './secrets.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_TOUCH_MS } from './sessions-config.ts';

/** The principal of a live session, or null (expired, unknown, or the user was deactivated). */
export async function authenticateSession(
  ctx: Pick<ServiceContext, 'db'>,
  sessionToken: string,
  now = new Date(),
): Promise<Principal | null> {
  if (sessionToken.length < 20 || sessionToken.length > 200) return null;
  const owner = await findLiveSession(ctx.db, sha256Hex(sessionToken), now, new Date(now.getTime() - SESSION_MAX_MS));
  if (!owner) return null;
  if (now.getTime() - owner.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await touchSession(ctx.db, owner.sessionId, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return {
    kind: 'user',
    role: owner.role,
    entityId: owner.entityId,
    officeProvinceCode: owner.officeProvinceCode,
    userId: owner.userId,
    tokenId: null,
  };
}

/** The principal of an API token; a token that is not valid is an error, never the public. */
export async function authenticateToken(
  ctx: Pick<ServiceContext, 'db'>,
  token: string,
  now = new Date(),
): Promise<Principal> {
  const invalid = new AppError('UNAUTHENTICATED', 'the API token is not valid (unknown, expired or revoked)');
  if (!looksLikeApiToken(token)) throw invalid;
  const owner = await findLiveToken(ctx.db, sha256Hex(token), now);
  if (!owner) throw invalid;
  await touchToken(ctx.db, owner.tokenId, now);
  return {
    kind: 'token',
    role: owner.role,
    entityId: owner.entityId,
    officeProvinceCode: owner.officeProvinceCode,
    userId: owner.userId,
    tokenId: owner.tokenId,
  };
}
