/**
 * The vertical offices of a province (Polres, Kantor Pertanahan, Imigrasi, Lapas,
 * Rutan, Bapas), ranked: what a regional office sees of the units it assessed for
 * national bodies. Read from the stored results (the parents' units carry their
 * province); a regional office sees its own province only, central staff any.
 */
import { rankWithinGroups } from '../domain/scoring/ranking.ts';
import { verticalKindOf } from '../domain/unit/kind.ts';
import { AppError } from '../errors.ts';
import { canRankVerticalOffices, ensure } from './auth/policy.ts';
import type { Principal } from './auth/principal.ts';
import type { ServiceContext } from './context.ts';
import type { CycleRef } from './cycles.ts';
import { loadVisibleCycle } from './lifecycle/visible-cycles.ts';
import { cycleResults } from './results/results.ts';

export interface VerticalOfficeRow {
  rank: number;
  /** rank among the offices of the same kind in the province */
  kindRank: number;
  unit: { id: number; name: string; kind: string };
  parent: { code: string; name: string };
  score: number;
  complete: boolean;
}

export async function rankVerticalOffices(
  ctx: ServiceContext,
  p: Principal,
  year: CycleRef,
  provinceCode: string,
): Promise<{ cycle: number; provinceCode: string; rows: VerticalOfficeRow[] }> {
  ensure(p, canRankVerticalOffices(p, provinceCode), `see the vertical offices of province ${provinceCode}`);
  const cycle = await loadVisibleCycle(ctx, p, year);
  const vertical = cycle.instrument?.verticalOffices;
  if (!vertical) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the ${year} cycle's edition (${cycle.edition ?? 'none'}) does not assess vertical offices`,
    );
  }
  const parents = new Set(vertical.kinds.map((k) => k.parent));
  const { results } = await cycleResults(ctx, cycle.code);
  const found: Array<Omit<VerticalOfficeRow, 'rank' | 'kindRank'>> = [];
  for (const r of results) {
    if (!parents.has(r.entity.code)) continue;
    const own = vertical.kinds.filter((k) => k.parent === r.entity.code && k.since <= cycle.year);
    for (const u of r.units) {
      if (u.provinceCode !== provinceCode || u.score === null) continue;
      const kind = verticalKindOf(u.name, own);
      if (!kind) continue;
      found.push({
        unit: { id: u.id, name: u.name, kind },
        parent: { code: r.entity.code, name: r.entity.name },
        score: u.score,
        complete: u.complete,
      });
    }
  }
  const all = rankWithinGroups(found.map((f) => ({ key: String(f.unit.id), score: f.score, group: '' })));
  const perKind = rankWithinGroups(found.map((f) => ({ key: String(f.unit.id), score: f.score, group: f.unit.kind })));
  const rows = found
    .map((f) => ({ rank: all.get(String(f.unit.id)) ?? 0, kindRank: perKind.get(String(f.unit.id)) ?? 0, ...f }))
    .sort((a, b) => a.rank - b.rank || a.unit.name.localeCompare(b.unit.name));
  return { cycle: cycle.year, provinceCode, rows };
}
