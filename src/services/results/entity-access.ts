/** Finding the entity a request names, within the principal's scope. */
import { type EntityRow, findEntityByCode } from '../../db/repos/entities.ts';
import { AppError } from '../../errors.ts';
import { cycleAssignments } from '../auth/cycle-scope.ts';
import { canSeeEntity, hidesExistence, refuseEntity } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The entity with this code when the principal may see it. `notFound` is the error
 * for "nothing here"; entity officials and the public get it for an entity outside
 * their scope as well as for an unknown code, so the two cannot be told apart.
 * `cycleId`: the cycle asked about, which narrows an assessor to its assignments
 * there; leave it out only where no cycle is in question.
 */
export async function loadEntityInScope(
  ctx: ServiceContext,
  p: Principal,
  code: string,
  notFound: AppError,
  cycleId?: number,
): Promise<EntityRow> {
  const entity = await findEntityByCode(ctx.db, code);
  if (!entity) {
    throw hidesExistence(p) ? notFound : new AppError('UNKNOWN_ENTITY', `there is no entity with the code "${code}"`);
  }
  const assigned = cycleId === undefined ? undefined : await cycleAssignments(ctx, p, cycleId);
  if (!canSeeEntity(p, entity, assigned)) throw refuseEntity(p, notFound);
  return entity;
}
