import { appendAudit } from '../../db/repos/audit.ts';
import { findUserWithScope, insertUser, type UserWithScope } from '../../db/repos/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, refuseFormulaName } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword } from './passwords.ts';
import { canManageUsers, ensure } from './policy.ts';
import { actorOf, type Principal } from './principal.ts';
import { resolveScope, type ScopeInput } from './resolve-scope.ts';

export interface NewUserInput extends ScopeInput {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
}

export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new AppError('VALIDATION_FAILED', `"${email}" is not an email address`);
  return e;
}

/** What the audit trail keeps of a user: never the password hash. */
export function auditView(u: UserWithScope) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    entity: u.entity?.code ?? null,
    office: u.office?.code ?? null,
    active: u.active,
  };
}

export async function createUser(ctx: ServiceContext, actor: Principal, input: NewUserInput): Promise<UserWithScope> {
  ensure(actor, canManageUsers(actor), 'manage users');
  const email = normalizeEmail(input.email);
  const name = input.name?.trim() || email.split('@')[0] || email;
  refuseFormulaName('user name', name);
  const passwordHash = await hashPassword(input.password, { email, minScore: ctx.passwordMinScore });
  const scope = await resolveScope(ctx, input.role, input);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await insertUser(tx, { email, name, passwordHash, role: input.role, ...scope });
    if (!row) throw new AppError('CONFLICT', `a user with the email ${email} already exists`);
    const user = (await findUserWithScope(tx, row.id)) as UserWithScope;
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'user.create',
      subject: `user:${row.id}`,
      after: auditView(user),
    });
    return user;
  });
}
