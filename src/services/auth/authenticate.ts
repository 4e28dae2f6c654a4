/** From what a request carries (a session cookie or a bearer token) to a principal. */

import type { Database } from '../../db/database.ts';
import { findLiveSession, touchSession } from '../../db/repos/sessions.ts';
import { findLiveTokens, type TokenOwner, touchToken } from '../../db/repos/tokens.ts';
import { AppError } from '../../errors.ts';
import { BatchLookup } from '../batch-lookup.ts';
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

const TOKEN_TOUCH_MS = 60_000;

/** What a process keeps about the API tokens of one database (services/runtime.ts). */
export class TokenCache {
  /** lookups of one event-loop turn share one statement (batch-lookup.ts) */
  readonly lookup: BatchLookup<string, TokenOwner>;
  /**
   * When this process last noted the use of each token: the database keeps last_used_at
   * to the minute anyway, so a token used again within the minute costs no write (the
   * sync endpoint is called with a token many times a second).
   */
  readonly touchedAt = new Map<number, number>();

  constructor(db: Database) {
    this.lookup = new BatchLookup((hashes) => findLiveTokens(db, hashes, new Date()));
  }
}

/**
 * The principal of an API token; a token that is not valid is an error, never the
 * public. Checked against the database on every request (a revoked token fails at
 * once); lookups of the same turn share one statement.
 */
export async function authenticateToken(
  ctx: Pick<ServiceContext, 'db' | 'runtime'>,
  token: string,
): Promise<Principal> {
  // made only when needed: an error captures a stack trace, and this runs on every token request
  const invalid = () => new AppError('UNAUTHENTICATED', 'the API token is not valid (unknown, expired or revoked)');
  if (!looksLikeApiToken(token)) throw invalid();
  const { lookup, touchedAt: touched } = ctx.runtime.tokens;
  const owner = await lookup.get(sha256Hex(token));
  if (!owner) throw invalid();
  const now = Date.now();
  if (now - (touched.get(owner.tokenId) ?? 0) >= TOKEN_TOUCH_MS) {
    await touchToken(ctx.db, owner.tokenId, new Date(now));
    touched.set(owner.tokenId, now);
  }
  return {
    kind: 'token',
    role: owner.role,
    entityId: owner.entityId,
    officeProvinceCode: owner.officeProvinceCode,
    userId: owner.userId,
    tokenId: owner.tokenId,
  };
}
