import { appendAudit } from '../../db/repos/audit.ts';
import { deleteUserSessions } from '../../db/repos/sessions.ts';
import { revokeTokensOf } from '../../db/repos/tokens.ts';
import {
  countActiveAdmins,
  findUserByEmail,
  findUserWithScope,
  type UserPatch,
  type UserWithScope,
  updateUser as updateUserRow,
} from '../../db/repos/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, refuseFormulaName } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { auditView, normalizeEmail } from './create-user.ts';
import { hashPassword } from './passwords.ts';
import { canManageUsers, ensure } from './policy.ts';
import { actorOf, type Principal } from './principal.ts';
import { resolveScope, type ScopeInput } from './resolve-scope.ts';
import { clearSignInThrottles } from './sign-in-guard.ts';

export interface UserChanges extends ScopeInput {
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

/**
 * Changes a user. A new role or scope, or deactivation, ends the user's sessions
 * and revokes the tokens it made (they carry the old scope); a new password ends
 * the sessions and any lockout. The last active admin cannot be demoted or deactivated.
 */
export async function updateUser(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
  changes: UserChanges,
): Promise<UserWithScope> {
  ensure(actor, canManageUsers(actor), 'manage users');
  const before = await findUserWithScope(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', `there is no user ${id}`);
  const role = changes.role ?? before.role;
  const scopeChanged = changes.role !== undefined || changes.entity !== undefined || changes.office !== undefined;
  const patch: UserPatch = {};
  if (changes.name !== undefined) patch.name = refuseFormulaName('user name', changes.name.trim());
  if (changes.active !== undefined) patch.active = changes.active;
  if (scopeChanged) {
    const keep = changes.role === undefined || changes.role === before.role;
    const scope = await resolveScope(ctx, role, {
      entity: changes.entity !== undefined ? changes.entity : keep ? before.entity?.code : null,
      office: changes.office !== undefined ? changes.office : keep ? before.office?.code : null,
    });
    Object.assign(patch, { role, ...scope });
  }
  if (changes.password !== undefined)
    patch.passwordHash = await hashPassword(changes.password, { email: before.email, minScore: ctx.passwordMinScore });
  const losesAdmin = before.role === 'admin' && before.active && (role !== 'admin' || changes.active === false);

  return ctx.db.transaction().execute(async (tx) => {
    if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
      throw new AppError('CONFLICT', 'this is the last active admin: make another admin first');
    }
    await updateUserRow(tx, id, patch);
    const after = (await findUserWithScope(tx, id)) as UserWithScope;
    const rescoped =
      after.role !== before.role ||
      after.entity?.code !== before.entity?.code ||
      after.office?.code !== before.office?.code;
    const now = new Date();
    if (rescoped || changes.active === false || changes.password !== undefined) await deleteUserSessions(tx, id);
    if (rescoped || changes.active === false) await revokeTokensOf(tx, id, now);
    if (changes.password !== undefined) await clearSignInThrottles({ db: tx }, before.email);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'user.update',
      subject: `user:${id}`,
      before: auditView(before),
      after: { ...auditView(after), ...(changes.password !== undefined ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

/** Sets a new password by email (the CLI's reset-password); also ends a lockout and every session. */
export async function resetPassword(
  ctx: ServiceContext,
  actor: Principal,
  email: string,
  password: string,
): Promise<UserWithScope> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  if (!user) throw new AppError('NOT_FOUND', `there is no user with the email ${email}`);
  return updateUser(ctx, actor, user.id, { password });
}
