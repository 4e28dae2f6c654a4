/**
 * "Why this score": how many points each dimension, variable and indicator cost.
 *
 * Within a unit, a part's cost is (100 − its score) × its share of the unit score,
 * where the share is the product of the weight fractions on the way down (only
 * parts that have a score take part, as in the scoring itself). The costs of the
 * dimensions add up to 100 − the unit score. An entity's costs are the mean of its
 * units' costs (rule 5), so they add up to 100 − the entity score.
 */
import type { Instrument } from '../instrument/schema.ts';
import type { UnitResult } from './score.ts';

export interface IndicatorCost {
  code: string;
  /** mean of the indicator's score over the units where it was scored */
  score: number | null;
  cost: number;
}
export interface VariableCost {
  code: string;
  score: number | null;
  cost: number;
  indicators: IndicatorCost[];
}
export interface DimensionCost {
  code: string;
  score: number | null;
  cost: number;
  variables: VariableCost[];
}
export interface Explanation {
  score: number | null;
  /** 100 − score: the points the entity (or unit) did not get */
  lost: number | null;
  dimensions: DimensionCost[];
  /** indicators by cost, highest first (ties by code) */
  costliest: Array<IndicatorCost & { dimension: string; variable: string }>;
}

function share<T extends { weight: number; score: number | null }>(parts: readonly T[], part: T): number {
  if (part.score === null) return 0;
  let den = 0;
  for (const p of parts) if (p.score !== null) den += p.weight;
  return den === 0 ? 0 : part.weight / den;
}

function meanOf(values: number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Explains the mean of the given unit results (one unit: that unit; all units: the entity). */
export function explain(instrument: Instrument, units: readonly UnitResult[]): Explanation {
  const scored = units.filter((u) => u.score !== null);
  const n = scored.length;
  const costs = new Map<string, number>();
  const scores = new Map<string, number[]>();
  const add = (key: string, cost: number, score: number | null) => {
    costs.set(key, (costs.get(key) ?? 0) + cost);
    if (score !== null) {
      const list = scores.get(key) ?? [];
      list.push(score);
      scores.set(key, list);
    }
  };
  for (const u of scored) {
    for (const d of u.dimensions) {
      const ds = share(u.dimensions, d);
      add(d.code, d.score === null ? 0 : (100 - d.score) * ds, d.score);
      for (const v of d.variables) {
        const vs = ds * share(d.variables, v);
        add(`${d.code}.${v.code}`, v.score === null ? 0 : (100 - v.score) * vs, v.score);
        const scoredIndicators = v.indicators.filter((i) => i.score !== null).length;
        for (const i of v.indicators) {
          const is = i.score === null || scoredIndicators === 0 ? 0 : vs / scoredIndicators;
          add(i.code, i.score === null ? 0 : (100 - i.score) * is, i.score);
        }
      }
    }
  }
  const cost = (key: string) => (n === 0 ? 0 : (costs.get(key) ?? 0) / n);
  const score = (key: string) => meanOf(scores.get(key) ?? []);
  const costliest: Explanation['costliest'] = [];
  const dimensions: DimensionCost[] = instrument.dimensions.map((d) => ({
    code: d.code,
    score: score(d.code),
    cost: cost(d.code),
    variables: d.variables.map((v) => ({
      code: v.code,
      score: score(`${d.code}.${v.code}`),
      cost: cost(`${d.code}.${v.code}`),
      indicators: v.indicators.map((i) => {
        const ic = { code: i.code, score: score(i.code), cost: cost(i.code) };
        costliest.push({ ...ic, dimension: d.code, variable: v.code });
        return ic;
      }),
    })),
  }));
  costliest.sort((a, b) => b.cost - a.cost || a.code.localeCompare(b.code));
  const entityScore = meanOf(scored.map((u) => u.score as number));
  return { score: entityScore, lost: entityScore === null ? null : 100 - entityScore, dimensions, costliest };
}
