/**
 * API tokens for machine clients: `Authorization: Bearer patuh_…`. A token acts
 * with a role and scope of its own (its maker's unless an admin gives another),
 * is stored only as a digest, is shown once when made, and stops working when it
 * expires, is revoked, or its maker is deactivated or given another role.
 */
import { appendAudit } from '../../db/repos/audit.ts';
import {
  findTokenCreator,
  insertToken,
  listTokens as listTokenRows,
  revokeToken as revokeTokenRow,
  type TokenView,
} from '../../db/repos/tokens.ts';
import { findUserById } from '../../db/repos/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, refuseFormulaName } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { canManageTokens, ensure } from './policy.ts';
import { actorOf, type Principal } from './principal.ts';
import { resolveScope, type ScopeInput } from './resolve-scope.ts';
import { newApiToken, sha256Hex } from './secrets.ts';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from './sessions-config.ts';

export interface NewTokenInput extends ScopeInput {
  name: string;
  expiresInDays?: number;
  /** admin only: a role (and its entity or office) other than the maker's */
  role?: Role;
  /** the CLI only: the user the token is made for (default: the signed-in user) */
  ownerId?: number;
}

export interface CreatedToken {
  /** shown once; only its digest is kept */
  token: string;
  view: TokenView;
}

export async function createToken(ctx: ServiceContext, actor: Principal, input: NewTokenInput): Promise<CreatedToken> {
  ensure(actor, canManageTokens(actor), 'manage API tokens');
  const isAdmin = actor.role === 'admin';
  if ((input.role || input.entity || input.office) && !isAdmin) {
    throw new AppError('FORBIDDEN', 'only an admin may give a token a role or scope other than their own');
  }
  if (input.ownerId !== undefined && actor.kind !== 'system') {
    throw new AppError('FORBIDDEN', 'tokens are made for the signed-in user');
  }
  const ownerId = input.ownerId ?? actor.userId;
  const owner = ownerId === null ? undefined : await findUserById(ctx.db, ownerId);
  if (!owner?.active) throw new AppError('NOT_FOUND', 'the token’s owner is not an active user');
  const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', `a token lasts 1 to ${TOKEN_MAX_DAYS} days`);
  }
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', 'name the token (e.g. the client that will use it)');
  refuseFormulaName('token name', name);

  let role: Role = owner.role;
  let scope = { entityId: owner.entityId, officeId: owner.officeId };
  if (input.role) {
    role = input.role;
    scope = await resolveScope(ctx, role, input);
  }
  const token = newApiToken();
  const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return ctx.db.transaction().execute(async (tx) => {
    const id = await insertToken(tx, { hash: sha256Hex(token), name, role, ...scope, createdBy: owner.id, expiresAt });
    const view = (await listTokenRows(tx, owner.id)).find((t) => t.id === id) as TokenView;
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'token.create',
      subject: `token:${id}`,
      after: {
        name,
        role,
        entity: view.entity?.code ?? null,
        office: view.office?.code ?? null,
        owner: owner.email,
        expiresAt,
      },
    });
    return { token, view };
  });
}

/** An admin sees every token; anyone else the tokens they made. */
export async function listTokens(ctx: ServiceContext, actor: Principal): Promise<TokenView[]> {
  ensure(actor, canManageTokens(actor), 'manage API tokens');
  return listTokenRows(ctx.db, actor.role === 'admin' ? null : actor.userId);
}

export async function revokeToken(ctx: ServiceContext, actor: Principal, id: number): Promise<void> {
  ensure(actor, canManageTokens(actor), 'manage API tokens');
  const t = await findTokenCreator(ctx.db, id);
  // someone else's token is "not found": token ids are not to be probed
  if (!t || (actor.role !== 'admin' && t.createdBy !== actor.userId))
    throw new AppError('NOT_FOUND', `there is no token ${id}`);
  if (t.revokedAt) return;
  await ctx.db.transaction().execute(async (tx) => {
    await revokeTokenRow(tx, id, new Date());
    await appendAudit(tx, { actor: actorOf(actor), action: 'token.revoke', subject: `token:${id}` });
  });
}
