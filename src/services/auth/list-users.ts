import { findUserByEmail, listUsers as listUserRows, type UserWithScope } from '../../db/repos/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { offsetOf, type Page, type PageRequest } from '../paging.ts';
import { canManageUsers, ensure } from './policy.ts';
import type { Principal } from './principal.ts';

export async function listUsers(
  ctx: ServiceContext,
  actor: Principal,
  q: PageRequest & { q?: string; role?: Role },
): Promise<Page<UserWithScope>> {
  ensure(actor, canManageUsers(actor), 'see users');
  const { rows, total } = await listUserRows(ctx.db, {
    ...(q.q ? { q: q.q } : {}),
    ...(q.role ? { role: q.role } : {}),
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { rows, page: q.page, pageSize: q.pageSize, total };
}

/** The id of the account with this e-mail (already normalised), or NOT_FOUND naming it. */
export async function userIdByEmail(ctx: ServiceContext, email: string): Promise<number> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw new AppError('NOT_FOUND', `there is no user with the email ${email}`);
  return user.id;
}
