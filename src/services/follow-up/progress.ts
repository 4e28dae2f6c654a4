/**
 * The follow-up of a cycle at a glance, for the Ombudsman's staff: per entity with
 * items or mentoring sessions, its items by status, the share done, the sessions
 * held, the last activity and its score in the cycle; least done first. Office
 * roles see their province, central staff every entity.
 */
import { listProgress, type ProgressRow } from '../../db/repos/follow-up.ts';
import { percentDone } from '../../domain/follow-up/follow-up.ts';
import { maySeeFollowUpProgress } from '../auth/follow-up-policy.ts';
import { ensure, scopeEntities } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { offsetOf, type Page, type PageRequest } from '../paging.ts';
import { cycleResults } from '../results/results.ts';

export interface ProgressView extends Omit<ProgressRow, 'entity'> {
  entity: { code: string; name: string; level: string; provinceCode: string | null };
  percentDone: number | null;
  /** the entity's score in this cycle (rounded), null without a result */
  score: number | null;
  category: string | null;
}

export async function followUpProgress(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  q: PageRequest & { province?: string },
): Promise<Page<ProgressView>> {
  ensure(p, maySeeFollowUpProgress(p), 'see the follow-up progress of a cycle');
  const cycle = await loadVisibleCycle(ctx, p, year);
  const scope = scopeEntities(p);
  const empty: Page<ProgressView> = { rows: [], page: q.page, pageSize: q.pageSize, total: 0 };
  let provinceCode = q.province;
  if (scope.kind === 'none' || scope.kind === 'entity') return empty;
  if (scope.kind === 'province') {
    if (provinceCode && provinceCode !== scope.provinceCode) return empty;
    provinceCode = scope.provinceCode;
  }
  const { rows, total } = await listProgress(ctx.db, cycle.id, {
    ...(provinceCode ? { provinceCode } : {}),
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const results = rows.length > 0 ? (await cycleResults(ctx, year)).results : [];
  const byCode = new Map(results.map((r) => [r.entity.code, r]));
  const out = rows.map(({ entity: { id: _id, ...entity }, ...r }) => {
    const result = byCode.get(entity.code);
    return {
      entity,
      ...r,
      percentDone: percentDone(r.done, r.total),
      score: result?.score ?? null,
      category: result?.category ?? null,
    };
  });
  return { rows: out, page: q.page, pageSize: q.pageSize, total };
}
