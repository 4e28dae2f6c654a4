/** The unit page's rows: each indicator that applies, grouped by dimension and variable. */
import type { UnitDetail, UnitIndicator } from '../../api/schemas';

export interface IndicatorGroup {
  dimension: string;
  variable: string;
  indicators: UnitIndicator[];
}

export function indicatorGroups(d: UnitDetail): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  for (const i of d.indicators) {
    if (i.status === 'excluded') continue;
    const last = groups.at(-1);
    if (last && last.dimension === i.dimension && last.variable === i.variable) last.indicators.push(i);
    else groups.push({ dimension: i.dimension, variable: i.variable, indicators: [i] });
  }
  return groups;
}
