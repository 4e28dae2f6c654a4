/**
 * How a parent body's dimensions score is made of its units when some are vertical
 * offices (Polres, Kantor Pertanahan, Imigrasi, Lapas, Rutan, Bapas) assessed in the
 * provinces. The rule is edition data (verticalOffices.rollup.rule):
 *  - mean_over_units (the inferred default): the mean over all the parent's units,
 *    headquarters and vertical — rule 5 unchanged;
 *  - mean_of_groups: the mean of the headquarters units' mean and each province's mean.
 */
import type { RollupRule } from '../instrument/schema.ts';
import { scoreEntity } from './score.ts';

export interface RollupUnit {
  score: number | null;
  complete: boolean;
  /** the province of a vertical office; null for headquarters and for units of other bodies */
  provinceCode: string | null;
}

export function rollupEntity(
  units: readonly RollupUnit[],
  rule: RollupRule = 'mean_over_units',
): { score: number | null; scoredUnits: number; complete: boolean } {
  const all = scoreEntity(units);
  if (rule === 'mean_over_units') return all;
  const groups = new Map<string, RollupUnit[]>();
  for (const u of units) {
    const key = u.provinceCode ?? '';
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const means = [...groups.values()].map((g) => scoreEntity(g));
  const top = scoreEntity(means.map((m) => ({ score: m.score, complete: m.complete })));
  return { score: top.score, scoredUnits: all.scoredUnits, complete: all.complete };
}
