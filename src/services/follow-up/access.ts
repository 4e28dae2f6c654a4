/**
 * Finding the cycle and entity a follow-up or objection request names, within the
 * principal's scope: the role is checked before anything is looked up (403, or 401
 * for the public), then the cycle (unseen = not found) and the entity (outside the
 * scope: 404 for officials, 403 for office roles), as everywhere else.
 */

import type { EntityRow } from '../../db/repos/entities.ts';
import type { Author } from '../../db/repos/follow-up.ts';
import { AppError } from '../../errors.ts';
import { ensure } from '../auth/policy.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { loadEntityInScope } from '../results/entity-access.ts';

export interface Target {
  cycle: LoadedCycle;
  entity: EntityRow;
}

/**
 * @param allowed the role-level check (follow-up-policy.ts)
 * @param what the refusal's words: "log mentoring sessions"
 */
export async function loadTarget(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
  allowed: boolean,
  what: string,
): Promise<Target> {
  ensure(p, allowed, what);
  const cycle = await loadVisibleCycle(ctx, p, year);
  const notFound = new AppError('NOT_FOUND', `there is no entity "${code}" here`);
  const entity = await loadEntityInScope(ctx, p, code, notFound);
  return { cycle, entity };
}

export function authorOf(p: Principal): Author {
  return { actor: actorOf(p), userId: p.userId, role: p.role };
}

/** yyyy-mm-dd → a calendar date that exists (2031-02-30 does not). */
export function checkDate(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new AppError('VALIDATION_FAILED', `${field}: ${value} is not a date (yyyy-mm-dd)`, {
      issues: [{ path: field, message: 'not a date' }],
    });
  }
  return value;
}
