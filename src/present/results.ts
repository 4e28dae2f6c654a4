import { mayIssueCertificate } from '../domain/report/certificate.ts';
import { roundHalfUp } from '../domain/scoring/rounding.ts';
import type { EntityResultView } from '../services/results/results.ts';

/** The public shape of a result: the same fields as `patuh results --json`. */
export function presentResult(r: EntityResultView) {
  return {
    entity: r.entity,
    score: r.score,
    category: r.category,
    opinion: r.opinion,
    zone: r.zone,
    /** from 2025: the quality word, the parts of the score, public trust, the qualifier; null/empty before */
    quality: r.quality?.id ?? null,
    parts: r.parts.map((p) => ({ code: p.code, name: p.name.id, weight: p.weight, score: p.score })),
    trust: r.trust,
    qualifier: r.qualifier && {
      text: r.qualifier.text.id,
      granted: r.qualifier.granted,
      referenceDate: r.qualifier.referenceDate,
      due: r.qualifier.due,
      outstanding: r.qualifier.outstanding,
    },
    award: r.award,
    complete: r.complete,
    rank: r.rank,
    provinceRank: r.provinceRank,
    source: r.source,
    synthetic: r.synthetic,
    certificate: mayIssueCertificate(r),
    units: r.units.map((u) => ({
      name: u.name,
      score: u.score,
      complete: u.complete,
      dimensions: u.dimensions,
      ...(u.provinceCode === null ? {} : { provinceCode: u.provinceCode }),
      ...(u.award?.withheld ? { withheld: u.award.withheld } : {}),
    })),
    publishedUnits: presentReconciliation(r.publishedUnits),
  };
}

/** The unit mean beside a published entity score, rounded for display (four decimals: the difference is in hundredths). */
export function presentReconciliation(r: EntityResultView['publishedUnits']) {
  if (r === null) return null;
  return { unitMean: roundHalfUp(r.unitMean, 4), difference: r.difference, withinRounding: r.withinRounding };
}
