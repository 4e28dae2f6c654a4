/**
 * The Ombudsman's scoring method (METHODOLOGY.md "Scoring"), exactly:
 *  1. indicator = mean over respondents of answer ÷ max × 100, "not applicable" left out
 *  2. variable  = mean of its indicator scores
 *  3. dimension = weighted mean of its variable scores
 *  4. unit      = Σ(dimension weight × dimension score) ÷ Σ dimension weights
 *  5. entity    = arithmetic mean of its unit scores
 *  6. kept unrounded (rounding lives in rounding.ts)
 *  7. a required indicator left unanswered makes the result incomplete; it is left
 *     out of the means (never counted as zero) and the completeness is reported.
 *
 * Answers reach the engine as tallies per indicator (sum and count of numeric answers,
 * count of NA answers), so the same code scores a unit from a database aggregate or
 * from raw answers (see tallyAnswers).
 */
import type { Instrument, Level } from '../instrument/schema.ts';

export interface Tally {
  /** sum of the numeric answers (0..max) */
  sum: number;
  /** how many numeric answers */
  count: number;
  /** how many "not applicable" answers */
  na: number;
}

export type Tallies = ReadonlyMap<string, Tally>;

export interface IndicatorResult {
  code: string;
  /** null when not scored: unanswered, all NA, or not applicable to the entity's level */
  score: number | null;
  status: 'scored' | 'not_applicable' | 'unanswered' | 'excluded';
  respondents: number;
}

export interface VariableResult {
  code: string;
  weight: number;
  score: number | null;
  indicators: IndicatorResult[];
}

export interface DimensionResult {
  code: string;
  weight: number;
  score: number | null;
  variables: VariableResult[];
}

export interface Completeness {
  /** indicators that apply to the unit */
  required: number;
  /** of those, how many have at least one answer (a numeric answer or NA) */
  answered: number;
}

export interface UnitResult {
  score: number | null;
  dimensions: DimensionResult[];
  completeness: Completeness;
  complete: boolean;
}

export interface EntityResult {
  score: number | null;
  /** how many units had a score */
  scoredUnits: number;
  complete: boolean;
}

/** The maximum of an indicator's scale (3 in every edition so far). */
export function scaleMax(instrument: Instrument, indicatorCode: string): number {
  for (const d of instrument.dimensions)
    for (const v of d.variables) for (const i of v.indicators) if (i.code === indicatorCode) return maxOf(i.scale);
  throw new Error(`unknown indicator ${indicatorCode}`);
}

function maxOf(scale: ReadonlyArray<{ value: number }>): number {
  let m = 0;
  for (const s of scale) if (s.value > m) m = s.value;
  return m;
}

/** Rule 1 for one indicator. */
export function indicatorScore(tally: Tally, max: number): number | null {
  if (tally.count === 0) return null;
  return (tally.sum * 100) / (max * tally.count);
}

/** Weighted mean over the parts that have a score; null when none has. */
function weightedMean(parts: ReadonlyArray<{ weight: number; score: number | null }>): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.score === null) continue;
    num += p.weight * p.score;
    den += p.weight;
  }
  return den === 0 ? null : num / den;
}

function mean(values: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}

export function appliesToLevel(indicator: { appliesTo?: readonly Level[] | undefined }, level: Level): boolean {
  return indicator.appliesTo === undefined || indicator.appliesTo.includes(level);
}

const EMPTY: Tally = { sum: 0, count: 0, na: 0 };

/** Rules 1–4 and 7 for one unit of an entity of the given level. */
export function scoreUnit(instrument: Instrument, level: Level, tallies: Tallies): UnitResult {
  let required = 0;
  let answered = 0;
  const dimensions: DimensionResult[] = instrument.dimensions.map((d) => {
    const variables: VariableResult[] = d.variables.map((v) => {
      const indicators: IndicatorResult[] = v.indicators.map((i) => {
        const t = tallies.get(i.code) ?? EMPTY;
        const respondents = t.count + t.na;
        if (!appliesToLevel(i, level)) {
          return { code: i.code, score: null, status: 'excluded', respondents };
        }
        required += 1;
        if (respondents > 0) answered += 1;
        const score = indicatorScore(t, maxOf(i.scale));
        const status = score !== null ? 'scored' : respondents > 0 ? 'not_applicable' : 'unanswered';
        return { code: i.code, score, status, respondents };
      });
      return { code: v.code, weight: v.weight, score: mean(indicators.map((i) => i.score)), indicators };
    });
    return { code: d.code, weight: d.weight, score: weightedMean(variables), variables };
  });
  return {
    score: weightedMean(dimensions),
    dimensions,
    completeness: { required, answered },
    complete: answered === required,
  };
}

/** Rule 5: the entity score is the mean of its unit scores. */
export function scoreEntity(units: ReadonlyArray<{ score: number | null; complete: boolean }>): EntityResult {
  const score = mean(units.map((u) => u.score));
  const scoredUnits = units.filter((u) => u.score !== null).length;
  return {
    score,
    scoredUnits,
    complete: units.length > 0 && units.every((u) => u.complete && u.score !== null),
  };
}

/** Builds tallies from raw answers (value null = not applicable). */
export function tallyAnswers(answers: Iterable<{ indicator: string; value: number | null }>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const a of answers) {
    let t = out.get(a.indicator);
    if (!t) {
      t = { sum: 0, count: 0, na: 0 };
      out.set(a.indicator, t);
    }
    if (a.value === null) t.na += 1;
    else {
      t.sum += a.value;
      t.count += 1;
    }
  }
  return out;
}
