/**
 * One unit of a cycle: its score as the entity's result shows it, each indicator's
 * answers (respondent and value) and the points each indicator cost, from the
 * engine's explanation of that one unit.
 */
import { listUnitAnswers } from '../../db/repos/answers.ts';
import { findEntityById } from '../../db/repos/entities.ts';
import { findUnit } from '../../db/repos/units.ts';
import type { Instrument, Level } from '../../domain/instrument/schema.ts';
import { type Explanation, explain } from '../../domain/scoring/explain.ts';
import { scoreUnit, tallyAnswers, type UnitResult } from '../../domain/scoring/score.ts';
import { AppError } from '../../errors.ts';
import { cycleAssignments } from '../auth/cycle-scope.ts';
import { canSeeEntity, refuseEntity } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleCycle } from '../lifecycle/visible-cycles.ts';
import { cycleResults, type UnitResultView } from './results.ts';

export interface UnitDetail {
  unit: { id: number; name: string; kind: string | null; active: boolean; synthetic: boolean };
  entity: { code: string; name: string; level: Level };
  /** the unit as its entity's result lists it (rounded score, dimensions); null when it has no result */
  result: UnitResultView | null;
  source: 'published' | 'answers' | null;
  instrument: Instrument | null;
  /** the engine's scoring of the unit's answers; null without an instrument or when the result is a published one */
  scoring: UnitResult | null;
  explanation: Explanation | null;
  answers: Array<{ indicator: string; respondent: string; value: number | null }>;
}

export async function unitDetail(ctx: ServiceContext, p: Principal, year: number, unitId: number): Promise<UnitDetail> {
  const cycle = await loadVisibleCycle(ctx, p, year);
  const notFound = new AppError('NOT_FOUND', `there is no unit ${unitId} in the ${year} cycle`);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.cycleId !== cycle.unitsCycleId) throw notFound;
  const entity = await findEntityById(ctx.db, unit.entityId);
  if (!entity) throw notFound;
  if (!canSeeEntity(p, entity, await cycleAssignments(ctx, p, cycle.id))) throw refuseEntity(p, notFound);

  const { results } = await cycleResults(ctx, year, { entity: entity.code });
  const entityResult = results[0];
  const result = entityResult?.units.find((u) => u.id === unit.id) ?? null;
  const source = entityResult?.source ?? null;
  const answers = await listUnitAnswers(ctx.db, cycle.id, unit.id);
  let scoring: UnitResult | null = null;
  let explanation: Explanation | null = null;
  if (cycle.instrument && source !== 'published') {
    scoring = scoreUnit(cycle.instrument, entity.level, tallyAnswers(answers));
    explanation = explain(cycle.instrument, [scoring]);
  }
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, active: unit.active, synthetic: unit.synthetic },
    entity: { code: entity.code, name: entity.name, level: entity.level },
    result,
    source,
    instrument: cycle.instrument,
    scoring,
    explanation,
    answers: answers.map((a) => ({ indicator: a.indicator, respondent: a.respondent, value: a.value })),
  };
}
