import { qualifiesForCertificate } from '../domain/report/certificate.ts';
import { roundHalfUp } from '../domain/scoring/rounding.ts';
import type { EntityResultView } from '../services/results.ts';

/** The public shape of a result: the same fields as `patuh results --json`. */
export function presentResult(r: EntityResultView) {
  return {
    entity: r.entity,
    score: r.score,
    category: r.category,
    opinion: r.opinion,
    zone: r.zone,
    complete: r.complete,
    rank: r.rank,
    provinceRank: r.provinceRank,
    source: r.source,
    synthetic: r.synthetic,
    certificate: qualifiesForCertificate(r),
    units: r.units.map((u) => ({ name: u.name, score: u.score, complete: u.complete, dimensions: u.dimensions })),
    publishedUnits: presentReconciliation(r.publishedUnits),
  };
}

/** The unit mean beside a published entity score, rounded for display (four decimals: the difference is in hundredths). */
export function presentReconciliation(r: EntityResultView['publishedUnits']) {
  if (r === null) return null;
  return { unitMean: roundHalfUp(r.unitMean, 4), difference: r.difference, withinRounding: r.withinRounding };
}
