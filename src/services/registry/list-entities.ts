import { type EntityRow, searchEntities } from '../../db/repos/entities.ts';
import type { Level } from '../../domain/instrument/schema.ts';
import { requireSignedIn, scopeEntities } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { offsetOf, type Page, type PageRequest } from '../paging.ts';

export interface EntityQuery extends PageRequest {
  q?: string;
  level?: Level;
  province?: string;
}

/** The registry's entities within the principal's scope. */
export async function listEntities(ctx: ServiceContext, p: Principal, q: EntityQuery): Promise<Page<EntityRow>> {
  requireSignedIn(p, 'browse the registry of entities');
  const scope = scopeEntities(p);
  const empty: Page<EntityRow> = { rows: [], page: q.page, pageSize: q.pageSize, total: 0 };
  if (scope.kind === 'none') return empty;
  let provinceCode = q.province;
  if (scope.kind === 'province' || scope.kind === 'assigned') {
    if (provinceCode && provinceCode !== scope.provinceCode) return empty;
    provinceCode = scope.provinceCode;
  }
  const { rows, total } = await searchEntities(ctx.db, {
    ...(q.q ? { q: q.q } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(provinceCode ? { provinceCode } : {}),
    ...(scope.kind === 'entity' ? { entityId: scope.entityId } : {}),
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { rows, page: q.page, pageSize: q.pageSize, total };
}
