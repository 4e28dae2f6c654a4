/** "Why this score" for one entity of a cycle, from the engine's explanation. */
import { tallyByUnit } from '../db/repos/answers.ts';
import { listUnits } from '../db/repos/units.ts';
import type { Instrument } from '../domain/instrument/schema.ts';
import { type Explanation, explain } from '../domain/scoring/explain.ts';
import { scoreUnit, type UnitResult } from '../domain/scoring/score.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';
import { type EntityResultView, cycleResults } from './results.ts';

export interface EntityExplanation {
  result: EntityResultView;
  instrument: Instrument | null;
  /** null when only a published score is known (no answers to explain it) */
  explanation: Explanation | null;
  units: Array<{ id: number; name: string; result: UnitResult; explanation: Explanation }>;
}

export async function explainEntity(ctx: ServiceContext, year: number, entityName: string): Promise<EntityExplanation> {
  const { cycle, results } = await cycleResults(ctx, year, { entity: entityName });
  const result = results[0];
  if (!result) throw new AppError('NOT_FOUND', `${entityName} has no result in the ${year} cycle`);
  if (result.source !== 'answers' || !cycle.instrument) {
    return { result, instrument: cycle.instrument, explanation: null, units: [] };
  }
  const instrument = cycle.instrument;
  const unitIds = result.units.map((u) => u.id);
  const units = (await listUnits(ctx.db, cycle.id)).filter((u) => unitIds.includes(u.id));
  const tallies = await tallyByUnit(ctx.db, cycle.id, unitIds);
  const scored = units.map((u) => {
    const r = scoreUnit(instrument, result.entity.level, tallies.get(u.id) ?? new Map());
    return { id: u.id, name: u.name, result: r, explanation: explain(instrument, [r]) };
  });
  return { result, instrument, explanation: explain(instrument, scored.map((s) => s.result)), units: scored };
}
