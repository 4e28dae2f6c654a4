import type { EntityResultView } from '../../services/results.ts';

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
    units: r.units.map((u) => ({ name: u.name, score: u.score, complete: u.complete, dimensions: u.dimensions })),
  };
}
