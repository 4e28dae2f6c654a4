/** "Why this score" for one entity of a cycle, from the engine's explanation. */

import { tallyByUnit } from '../../db/repos/answers.ts';
import { listUnits } from '../../db/repos/units.ts';
import type { Instrument } from '../../domain/instrument/schema.ts';
import { type Explanation, explain } from '../../domain/scoring/explain.ts';
import { scoreUnit, type UnitResult } from '../../domain/scoring/score.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import type { CycleRef, LoadedCycle } from '../cycles.ts';
import { cycleResults, type EntityResultView } from './results.ts';

export interface EntityExplanation {
  result: EntityResultView;
  instrument: Instrument | null;
  /** null when only a published score is known (no answers to explain it) */
  explanation: Explanation | null;
  units: Array<{ id: number; name: string; result: UnitResult; explanation: Explanation }>;
}

export async function explainEntity(
  ctx: ServiceContext,
  year: CycleRef,
  entityName: string,
): Promise<EntityExplanation> {
  const { cycle, results } = await cycleResults(ctx, year, { entity: entityName });
  const result = results[0];
  if (!result) throw new AppError('NOT_FOUND', `${entityName} has no result in the ${year} cycle`);
  const [x] = await explainResults(ctx, cycle, [result]);
  return x as EntityExplanation;
}

/**
 * Explains results of one cycle (from cycleResults) with one read of their answers:
 * explainEntity for one, batch reports for many, through the same engine calls.
 */
export async function explainResults(
  ctx: ServiceContext,
  cycle: LoadedCycle,
  results: readonly EntityResultView[],
): Promise<EntityExplanation[]> {
  const instrument = cycle.instrument;
  const explained = results.filter((r) => r.source === 'answers');
  if (!instrument || explained.length === 0) {
    return results.map((result) => ({ result, instrument, explanation: null, units: [] }));
  }
  const unitIds = explained.flatMap((r) => r.units.map((u) => u.id));
  const wanted = new Set(unitIds);
  const units = (await listUnits(ctx.db, cycle.id)).filter((u) => wanted.has(u.id));
  const tallies = await tallyByUnit(ctx.db, cycle.id, unitIds);
  return results.map((result) => {
    if (result.source !== 'answers') return { result, instrument, explanation: null, units: [] };
    const own = new Set(result.units.map((u) => u.id));
    const scored = units
      .filter((u) => own.has(u.id))
      .map((u) => {
        const r = scoreUnit(instrument, result.entity.level, tallies.get(u.id) ?? new Map());
        return { id: u.id, name: u.name, result: r, explanation: explain(instrument, [r]) };
      });
    return {
      result,
      instrument,
      explanation: explain(
        instrument,
        scored.map((s) => s.result),
      ),
      units: scored,
    };
  });
}
