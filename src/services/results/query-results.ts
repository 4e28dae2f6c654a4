/**
 * A cycle's results as a principal may see them: the cycle must be visible to it,
 * and only entities in its scope are listed. Filtering, sorting and paging happen
 * after the engine's results are built, so every number is the one `patuh results`
 * prints (ranks included: they are national and provincial ranks, as published).
 */
import { findEntityById } from '../../db/repos/entities.ts';
import type { Level, Zone } from '../../domain/instrument/schema.ts';
import { cycleScope } from '../auth/cycle-scope.ts';
import type { EntityScope } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { type Page, type PageRequest, pageOf } from '../paging.ts';
import { cycleResults, type EntityResultView } from './results.ts';

export type ResultSort = 'score' | '-score' | 'name';

export interface ResultQuery extends PageRequest {
  level?: Level;
  /** province code: the province itself and its kabupaten and kota */
  province?: string;
  category?: string;
  zone?: Zone;
  /** part of the entity's name or its code, any case */
  q?: string;
  /** one entity by name, alias or code (as `patuh results --entity`) */
  entity?: string;
  sort?: ResultSort;
}

/** Whether a result belongs to the scope; an entity scope is matched by the entity's code. */
async function scopeFilter(ctx: ServiceContext, scope: EntityScope): Promise<(r: EntityResultView) => boolean> {
  switch (scope.kind) {
    case 'all':
      return () => true;
    case 'province':
      return (r) => r.entity.provinceCode === scope.provinceCode;
    case 'entity': {
      const code = (await findEntityById(ctx.db, scope.entityId))?.code;
      return (r) => r.entity.code === code;
    }
    case 'assigned': {
      const codes = new Set<string>();
      for (const id of scope.entityIds) {
        const e = await findEntityById(ctx.db, id);
        if (e && e.provinceCode === scope.provinceCode) codes.add(e.code);
      }
      return (r) => codes.has(r.entity.code);
    }
    case 'none':
      return () => false;
  }
}

const collator = new Intl.Collator('id', { sensitivity: 'base' });

export function sortResults(rows: EntityResultView[], sort: ResultSort): EntityResultView[] {
  const byCode = (a: EntityResultView, b: EntityResultView) => a.entity.code.localeCompare(b.entity.code);
  if (sort === 'name') return rows.sort((a, b) => collator.compare(a.entity.name, b.entity.name) || byCode(a, b));
  const dir = sort === 'score' ? 1 : -1;
  return rows.sort((a, b) => dir * (a.exactScore - b.exactScore) || byCode(a, b));
}

export async function queryCycleResults(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  q: ResultQuery,
): Promise<{ cycle: LoadedCycle; page: Page<EntityResultView> }> {
  const cycle = await loadVisibleCycle(ctx, p, year);
  const { results } = await cycleResults(ctx, year, q.entity ? { entity: q.entity } : {});
  const visible = await scopeFilter(ctx, await cycleScope(ctx, p, cycle.id));
  const needle = q.q?.trim().toLocaleLowerCase('id');
  const rows = results.filter(
    (r) =>
      visible(r) &&
      (!q.level || r.entity.level === q.level) &&
      (!q.province || r.entity.provinceCode === q.province) &&
      (!q.category || r.category?.toUpperCase() === q.category.toUpperCase()) &&
      (!q.zone || r.zone === q.zone) &&
      (!needle ||
        r.entity.name.toLocaleLowerCase('id').includes(needle) ||
        r.entity.code.toLowerCase().includes(needle)),
  );
  return { cycle, page: pageOf(sortResults(rows, q.sort ?? '-score'), q) };
}
