/**
 * One entity's result in a cycle, for its page: the result as `patuh results`
 * gives it, the engine's explanation ("why this score"), each unit's explanation,
 * and the entity's history across the cycles the principal may see.
 */
import { listCycles } from '../../db/repos/cycles.ts';
import type { EntityRow } from '../../db/repos/entities.ts';
import { readStoredHistory } from '../../db/repos/stored-results.ts';
import type { Instrument, Zone } from '../../domain/instrument/schema.ts';
import type { Explanation } from '../../domain/scoring/explain.ts';
import { AppError } from '../../errors.ts';
import { canSeeCycle } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { loadEntityInScope } from './entity-access.ts';
import { explainEntity } from './explain.ts';
import type { EntityResultView } from './results.ts';

export interface HistoryPoint {
  year: number;
  score: number;
  category: string | null;
  zone: Zone;
  opinion: string;
}

export interface EntityResultDetail {
  result: EntityResultView;
  explanation: Explanation | null;
  instrument: Instrument | null;
  units: Array<{ id: number; name: string; explanation: Explanation }>;
  history: HistoryPoint[];
}

/** The error for "no result here", worded the way explainEntity words it. */
export const noResult = (code: string, year: number) =>
  new AppError('NOT_FOUND', `${code} has no result in the ${year} cycle`);

/**
 * The entity with this code when the principal may see its result in the cycle: the
 * cycle must be visible to it and the entity in its scope there. Everything shown
 * about one entity's result (its page, its report card) is checked here.
 */
export async function loadEntityForResult(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<EntityRow> {
  const cycle = await loadVisibleCycle(ctx, p, year);
  return loadEntityInScope(ctx, p, code, noResult(code, year), cycle.id);
}

export async function entityResultDetail(
  ctx: ServiceContext,
  p: Principal,
  year: number,
  code: string,
): Promise<EntityResultDetail> {
  const entity = await loadEntityForResult(ctx, p, year, code);
  const x = await explainEntity(ctx, year, entity.code);
  return {
    result: x.result,
    explanation: x.explanation,
    instrument: x.instrument,
    units: x.units.map((u) => ({ id: u.id, name: u.name, explanation: u.explanation })),
    history: await entityHistory(ctx, p, entity.id),
  };
}

/**
 * The entity's score, category, zone and opinion in every cycle the principal may
 * see, oldest first, as each cycle stored them (stored-results.ts): the same choice
 * as the results, banded by each cycle's own scheme. An indexed read.
 */
export async function entityHistory(ctx: ServiceContext, p: Principal, entityId: number): Promise<HistoryPoint[]> {
  const cycles = new Map((await listCycles(ctx.db)).map((c) => [c.id, c]));
  const out: Array<HistoryPoint & { order: number }> = [];
  for (const s of await readStoredHistory(ctx.db, entityId)) {
    const cycle = cycles.get(s.cycleId);
    if (!cycle || !canSeeCycle(p, cycle)) continue;
    out.push({
      order: cycle.year,
      year: cycle.year,
      score: s.score,
      category: s.category,
      zone: s.zone as Zone,
      opinion: s.opinion,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _, ...h }) => h);
}
