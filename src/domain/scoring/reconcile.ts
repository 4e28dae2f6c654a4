/**
 * Published entity and unit scores side by side (METHODOLOGY "Published values and
 * aggregation"). The entity score is the mean of the *unrounded* unit scores, but
 * units are published rounded to two decimals, so the mean of the published unit
 * scores may differ from the published entity score. Each published unit score is
 * off by at most half a hundredth, so is their mean, and the entity score by at most
 * half a hundredth more: a difference of up to one hundredth is rounding (Kabupaten
 * Cianjur 2022: seven units average 82.8243, the entity was published at 82.83).
 * Anything larger is not explained by rounding (up to 2021 the entity score was the
 * mean over service products, not units). The published entity score always stands.
 */
import { roundHalfUp } from './rounding.ts';

export interface Reconciliation {
  /** the mean of the published unit scores, unrounded */
  unitMean: number;
  /** published entity score − unit mean, to four decimals */
  difference: number;
  /** the difference is what rounding the units and the entity to two decimals can make */
  withinRounding: boolean;
}

/** Published scores carry two decimals; rounding each unit and the entity costs at most one unit of the last. */
const PUBLISHED_DECIMALS = 2;

export function reconcilePublished(entityScore: number, unitScores: readonly number[]): Reconciliation | null {
  if (unitScores.length === 0) return null;
  const unitMean = unitScores.reduce((a, b) => a + b, 0) / unitScores.length;
  const difference = roundHalfUp(entityScore - unitMean, 4);
  const tolerance = 10 ** -PUBLISHED_DECIMALS;
  // compare in snapped decimals, so 0.01 itself counts as rounding
  const withinRounding = Number(Math.abs(entityScore - unitMean).toFixed(9)) <= tolerance;
  return { unitMean, difference, withinRounding };
}
