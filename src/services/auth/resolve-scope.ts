/**
 * Turns the scope a person gives for a user or token (an entity code, an office
 * code) into the ids stored with it, checked against the role: an entity official
 * needs an entity, an office head or assessor an office, and nobody else has either.
 */
import { findEntityByCode, findOfficeByProvince } from '../../db/repos/entities.ts';
import { type Role, scopeKindOf } from '../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';

export interface ScopeInput {
  /** entity code, e.g. "32.75" */
  entity?: string | null;
  /** regional office code (the province code), e.g. "32" */
  office?: string | null;
}

export interface ResolvedScope {
  entityId: number | null;
  officeId: number | null;
}

export async function resolveScope(
  ctx: Pick<ServiceContext, 'db'>,
  role: Role,
  input: ScopeInput,
): Promise<ResolvedScope> {
  const kind = scopeKindOf(role);
  if (kind !== 'entity' && input.entity) {
    throw new AppError('VALIDATION_FAILED', `a ${role} belongs to no entity; leave the entity out`);
  }
  if (kind !== 'office' && input.office) {
    throw new AppError('VALIDATION_FAILED', `a ${role} belongs to no regional office; leave the office out`);
  }
  if (kind === 'entity') {
    if (!input.entity)
      throw new AppError('VALIDATION_FAILED', 'an entity official needs an entity (its code, e.g. 32.75)');
    const e = await findEntityByCode(ctx.db, input.entity);
    if (!e) throw new AppError('UNKNOWN_ENTITY', `there is no entity with the code "${input.entity}"`);
    return { entityId: e.id, officeId: null };
  }
  if (kind === 'office') {
    if (!input.office) {
      throw new AppError('VALIDATION_FAILED', `a ${role} needs a regional office (its province code, e.g. 32)`);
    }
    const o = await findOfficeByProvince(ctx.db, input.office);
    if (!o) throw new AppError('NOT_FOUND', `there is no regional office for the province code "${input.office}"`);
    return { entityId: null, officeId: o.id };
  }
  return { entityId: null, officeId: null };
}
