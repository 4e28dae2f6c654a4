import { findEntityById, findOfficeByProvince } from '../../db/repos/entities.ts';
import { findUserWithScope } from '../../db/repos/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import type { Principal } from './principal.ts';

export interface SignedInView {
  id: number;
  email: string;
  name: string;
  role: Role;
  entity: { code: string; name: string } | null;
  office: { code: string; name: string } | null;
}

/**
 * Who is signed in, as the web app shows it. For an API token: the user who made
 * it, with the token's own role and scope (which is what the token may do).
 */
export async function describePrincipal(ctx: ServiceContext, p: Principal): Promise<SignedInView> {
  if ((p.kind !== 'user' && p.kind !== 'token') || p.userId === null || p.role === null) {
    throw new AppError('UNAUTHENTICATED', 'you are not signed in');
  }
  const user = await findUserWithScope(ctx.db, p.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'you are not signed in');
  const entity = p.entityId === null ? undefined : await findEntityById(ctx.db, p.entityId);
  const office = p.officeProvinceCode === null ? undefined : await findOfficeByProvince(ctx.db, p.officeProvinceCode);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: p.role,
    entity: entity ? { code: entity.code, name: entity.name } : null,
    office: office ? { code: office.code, name: office.name } : null,
  };
}
