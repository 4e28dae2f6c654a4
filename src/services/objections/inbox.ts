/**
 * The objection inbox: a cycle's objections across the entities a principal may see
 * (an office its province, central staff all, an official its own entity), open
 * ones first, so the side that decides sees what waits for it.
 */
import { findEntityById } from '../../db/repos/entities.ts';
import { listObjectionIds } from '../../db/repos/objection-inbox.ts';
import { findObjection } from '../../db/repos/objections.ts';
import { mayUseFollowUp } from '../auth/follow-up-policy.ts';
import { ensure, scopeEntities } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { type ObjectionView, objectionView } from './view.ts';

export const INBOX_LIMIT = 200;

export interface ObjectionInbox {
  objections: ObjectionView[];
  /** how many match in all (objections holds at most INBOX_LIMIT) */
  total: number;
}

export async function objectionInbox(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  status?: 'open' | 'accepted' | 'rejected',
): Promise<ObjectionInbox> {
  ensure(p, mayUseFollowUp(p), 'see objections');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const scope = scopeEntities(p);
  if (scope.kind === 'none') return { objections: [], total: 0 };
  const { ids, total } = await listObjectionIds(ctx.db, cycle.id, {
    ...(status ? { status } : {}),
    ...(scope.kind === 'province' ? { provinceCode: scope.provinceCode } : {}),
    ...(scope.kind === 'entity' ? { entityId: scope.entityId } : {}),
    limit: INBOX_LIMIT,
  });
  const objections: ObjectionView[] = [];
  for (const id of ids) {
    const row = await findObjection(ctx.db, id);
    const entity = row && (await findEntityById(ctx.db, row.entityId));
    if (row && entity) objections.push(objectionView(row, cycle, entity));
  }
  return { objections, total };
}
