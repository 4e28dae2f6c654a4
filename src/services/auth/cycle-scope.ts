/**
 * The scope of a principal in one cycle. For an assessor it is the entities it is
 * assigned to in that cycle (issue 4); for everyone else the scope of its role.
 * Every service that reads scoped data of a cycle asks here, not scopeEntities alone.
 */
import { assignedEntityIds } from '../../db/repos/assignments.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleAssignments, type EntityScope, scopeEntities } from './policy.ts';
import type { Principal } from './principal.ts';

/** The assessor's assigned entities in the cycle; undefined for any other role (its scope does not depend on the cycle). */
export async function cycleAssignments(
  ctx: Pick<ServiceContext, 'db'>,
  p: Principal,
  cycleId: number,
): Promise<CycleAssignments | undefined> {
  if (p.role !== 'assessor') return undefined;
  // a published cycle's results are public: there an assessor keeps its office's province scope
  const cycle = await ctx.db.selectFrom('cycles').select('status').where('id', '=', cycleId).executeTakeFirst();
  if (cycle?.status === 'published') return undefined;
  if (p.userId === null) return new Set();
  return new Set(await assignedEntityIds(ctx.db, cycleId, p.userId));
}

export async function cycleScope(ctx: Pick<ServiceContext, 'db'>, p: Principal, cycleId: number): Promise<EntityScope> {
  return scopeEntities(p, await cycleAssignments(ctx, p, cycleId));
}
