/**
 * Recomputes a cycle's results from its answers: the database tallies the answers
 * per unit and indicator, the domain scores them, the results are stored.
 */
import { tallyByUnit } from '../../db/repos/answers.ts';
import { listEntities } from '../../db/repos/entities.ts';
import { type ComputedEntity, type ComputedUnit, replaceComputedResults } from '../../db/repos/results.ts';
import { listUnits } from '../../db/repos/units.ts';
import { rollupEntity } from '../../domain/scoring/rollup.ts';
import { scoreUnit } from '../../domain/scoring/score.ts';
import type { ServiceContext } from '../context.ts';
import { type LoadedCycle, requireInstrument } from '../cycles.ts';
import { refreshStoredResults } from './stored-results.ts';

export interface RecomputeReport {
  units: number;
  entities: number;
}

/**
 * Recomputes the given entities (or the whole cycle), then re-stores the cycle's
 * results (stored-results.ts). Run it inside the caller's transaction.
 */
export async function recomputeResults(
  ctx: Pick<ServiceContext, 'db'>,
  cycle: LoadedCycle,
  entityIds: readonly number[] | null = null,
): Promise<RecomputeReport> {
  const instrument = requireInstrument(cycle);
  const db = ctx.db;
  // a self-assessment scores its parent's units from its own answers (ADR 0012)
  const units = await listUnits(db, cycle.unitsCycleId, entityIds ?? undefined);
  const levels = new Map((await listEntities(db)).map((e) => [e.id, e.level]));
  const tallies = await tallyByUnit(db, cycle.id, entityIds ? units.map((u) => u.id) : undefined);
  const computedUnits: ComputedUnit[] = [];
  const perEntity = new Map<number, Array<{ score: number | null; complete: boolean; provinceCode: string | null }>>();
  for (const u of units) {
    // a unit without any answer is scored too: no score, incomplete (never zero)
    const t = tallies.get(u.id) ?? new Map();
    const level = levels.get(u.entityId);
    if (!level) continue;
    const r = scoreUnit(instrument, level, t);
    computedUnits.push({
      unitId: u.id,
      entityId: u.entityId,
      score: r.score,
      complete: r.complete,
      required: r.completeness.required,
      answered: r.completeness.answered,
      dimensions: r.dimensions.map((d) => ({ code: d.code, score: d.score })),
    });
    const list = perEntity.get(u.entityId) ?? [];
    list.push({ score: r.score, complete: r.complete, provinceCode: u.provinceCode });
    perEntity.set(u.entityId, list);
  }
  const computedEntities: ComputedEntity[] = [];
  for (const [entityId, list] of perEntity) {
    // vertical offices roll up into their parent by the edition's rule (domain/scoring/rollup.ts)
    const e = rollupEntity(list, instrument.verticalOffices?.rollup.rule);
    computedEntities.push({ entityId, score: e.score, complete: e.complete, scoredUnits: e.scoredUnits });
  }
  await replaceComputedResults(db, cycle.id, entityIds, computedUnits, computedEntities);
  await refreshStoredResults(ctx, cycle);
  return { units: computedUnits.length, entities: computedEntities.length };
}
