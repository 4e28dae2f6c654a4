/**
 * The improvement planner's gains: how many points each indicator of each unit would add
 * to the ENTITY score if its answers were raised by one level, or to the top of the scale.
 *
 * The method is linear once the set of scored parts is fixed (METHODOLOGY.md "Scoring"):
 * indicator → variable (mean) → dimension (weighted mean) → unit (weighted mean) → entity
 * (mean of units, or of groups under mean_of_groups) → score parts (2025: weighted with the
 * imported public trust). So a change of one indicator score by Δ moves the entity score by
 * coefficient × Δ, where the coefficient is read off the scoring domain's own results and the
 * instrument's weights (nothing here holds a weight). Raising a scored indicator never changes
 * which parts are scored, so gains of different indicators add up exactly; the property tests
 * in gains.test.ts check this against a full re-score.
 */
import { type Instrument, type Level, partsOf, type RollupRule } from '../instrument/schema.ts';
import { composeScore } from '../scoring/compose.ts';
import { rollupEntity } from '../scoring/rollup.ts';
import { indicatorScore, scoreUnit, type Tally, tallyAnswers, type UnitResult } from '../scoring/score.ts';

export interface PlanAnswer {
  indicator: string;
  /** null = not applicable */
  value: number | null;
}

export interface PlanUnit {
  unit: string;
  /** the province of a vertical office (mean_of_groups), else null */
  provinceCode?: string | null;
  answers: readonly PlanAnswer[];
}

export interface PlanInput {
  instrument: Instrument;
  level: Level;
  units: readonly PlanUnit[];
  /** the imported public-trust score (2025 method); null or absent when none */
  trust?: number | null;
  rollup?: RollupRule;
}

/** One step of an indicator in a unit: raising its answers from `levels - 1` to `levels` levels up. */
export interface IndicatorGain {
  unit: string;
  indicator: string;
  /** levels the lowest numeric answer can still rise */
  headroom: number;
  /** points added to the entity score by raising every answer one level (capped at the scale max) */
  oneLevel: number;
  /** points added by raising every answer to the scale max */
  allLevels: number;
  /** entity points per indicator point (the chain of weights) */
  coefficient: number;
}

export interface EntityBaseline {
  score: number | null;
  dimensionsScore: number | null;
  units: Array<{ unit: string; result: UnitResult }>;
}

function scaleValues(instrument: Instrument, code: string): number[] {
  for (const d of instrument.dimensions)
    for (const v of d.variables)
      for (const i of v.indicators) if (i.code === code) return i.scale.map((s) => s.value).sort((a, b) => a - b);
  throw new Error(`unknown indicator ${code}`);
}

/** Raises one answer by `levels` steps of the indicator's scale (capped at its max); NA stays NA. */
export function raiseValue(scale: readonly number[], value: number | null, levels: number): number | null {
  if (value === null) return null;
  let idx = scale.indexOf(value);
  if (idx < 0) idx = scale.filter((s) => s <= value).length - 1;
  return scale[Math.min(scale.length - 1, Math.max(0, idx + levels))] ?? value;
}

/** The entity score of a set of answers, straight from the scoring domain (the re-score). */
export function scoreAnswers(input: PlanInput): EntityBaseline {
  const units = input.units.map((u) => ({
    unit: u.unit,
    provinceCode: u.provinceCode ?? null,
    result: scoreUnit(input.instrument, input.level, tallyAnswers(u.answers)),
  }));
  const entity = rollupEntity(
    units.map((u) => ({ score: u.result.score, complete: u.result.complete, provinceCode: u.provinceCode })),
    input.rollup ?? 'mean_over_units',
  );
  const composed = composeScore(partsOf(input.instrument), { dimensions: entity.score, trust: input.trust ?? null });
  return {
    score: composed.score,
    dimensionsScore: entity.score,
    units: units.map(({ unit, result }) => ({ unit, result })),
  };
}

/** Weight of each unit in the dimensions score (1/n, or 1/(groups × group size) under mean_of_groups). */
function unitWeights(input: PlanInput, base: EntityBaseline): number[] {
  const scored = input.units.map((u, k) => ({
    key: u.provinceCode ?? '',
    scored: base.units[k]?.result.score !== null,
  }));
  if ((input.rollup ?? 'mean_over_units') === 'mean_over_units') {
    const n = scored.filter((s) => s.scored).length;
    return scored.map((s) => (s.scored && n > 0 ? 1 / n : 0));
  }
  const size = new Map<string, number>();
  for (const s of scored) if (s.scored) size.set(s.key, (size.get(s.key) ?? 0) + 1);
  const groups = size.size;
  return scored.map((s) => (s.scored ? 1 / (groups * (size.get(s.key) ?? 1)) : 0));
}

/** Share of the dimensions part in the composed score (1 before 2025). */
function dimensionsShare(input: PlanInput): number {
  const parts = partsOf(input.instrument);
  const trust = input.trust ?? null;
  let den = 0;
  let dims = 0;
  for (const p of parts) {
    if (p.from === 'trust' && trust === null) continue;
    den += p.weight;
    if (p.from === 'dimensions') dims += p.weight;
  }
  return den === 0 ? 0 : dims / den;
}

/** Entity points per indicator point for one scored indicator of a unit's result. */
function coefficientOf(result: UnitResult, indicator: string): number {
  let dimDen = 0;
  for (const d of result.dimensions) if (d.score !== null) dimDen += d.weight;
  for (const d of result.dimensions) {
    if (d.score === null) continue;
    let varDen = 0;
    for (const v of d.variables) if (v.score !== null) varDen += v.weight;
    for (const v of d.variables) {
      const hit = v.indicators.find((i) => i.code === indicator);
      if (!hit) continue;
      if (hit.score === null || v.score === null) return 0;
      const n = v.indicators.filter((i) => i.score !== null).length;
      return (1 / n) * (v.weight / varDen) * (d.weight / dimDen);
    }
  }
  return 0;
}

function tallyOf(answers: readonly PlanAnswer[], code: string, scale: readonly number[], levels: number): Tally {
  return (
    tallyAnswers(
      answers
        .filter((a) => a.indicator === code)
        .map((a) => ({ indicator: code, value: raiseValue(scale, a.value, levels) })),
    ).get(code) ?? { sum: 0, count: 0, na: 0 }
  );
}

/** The gain of raising one indicator of one unit by `levels` levels (0 when it is not scored). */
export function gainOf(
  input: PlanInput,
  base: EntityBaseline,
  unitIndex: number,
  code: string,
  levels: number,
): number {
  const unit = input.units[unitIndex];
  const result = base.units[unitIndex]?.result;
  if (!unit || !result) return 0;
  const scale = scaleValues(input.instrument, code);
  const max = scale[scale.length - 1] ?? 0;
  const before = indicatorScore(tallyOf(unit.answers, code, scale, 0), max);
  const after = indicatorScore(tallyOf(unit.answers, code, scale, levels), max);
  if (before === null || after === null) return 0;
  const w = unitWeights(input, base)[unitIndex] ?? 0;
  return coefficientOf(result, code) * w * dimensionsShare(input) * (after - before);
}

/** Every scored indicator of every unit that can still rise, with its one-level and all-level gains. */
export function indicatorGains(input: PlanInput): IndicatorGain[] {
  const base = scoreAnswers(input);
  const weights = unitWeights(input, base);
  const share = dimensionsShare(input);
  const out: IndicatorGain[] = [];
  input.units.forEach((u, k) => {
    const result = base.units[k]?.result;
    if (!result || result.score === null) return;
    for (const d of result.dimensions)
      for (const v of d.variables)
        for (const i of v.indicators) {
          if (i.score === null) continue;
          const scale = scaleValues(input.instrument, i.code);
          const numeric = u.answers.filter((a) => a.indicator === i.code && a.value !== null);
          const lowest = Math.min(...numeric.map((a) => scale.indexOf(a.value as number)));
          const headroom = scale.length - 1 - lowest;
          if (headroom <= 0) continue;
          out.push({
            unit: u.unit,
            indicator: i.code,
            headroom,
            oneLevel: gainOf(input, base, k, i.code, 1),
            allLevels: gainOf(input, base, k, i.code, headroom),
            coefficient: coefficientOf(result, i.code) * (weights[k] ?? 0) * share,
          });
        }
  });
  return out;
}

/** The answers after raising the given (unit, indicator) pairs by their levels: what a re-score reads. */
export function applyRaises(
  input: PlanInput,
  raises: ReadonlyArray<{ unit: string; indicator: string; levels: number }>,
): PlanInput {
  return {
    ...input,
    units: input.units.map((u) => ({
      ...u,
      answers: u.answers.map((a) => {
        const r = raises.find((x) => x.unit === u.unit && x.indicator === a.indicator);
        return r ? { ...a, value: raiseValue(scaleValues(input.instrument, a.indicator), a.value, r.levels) } : a;
      }),
    })),
  };
}
