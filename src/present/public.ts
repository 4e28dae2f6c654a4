/** The public API's shapes: only what the public may read, field by field. */

import type { BandScheme, Zone } from '../domain/instrument/schema.ts';
import { mayIssueCertificate } from '../domain/report/certificate.ts';
import { bandFor, zoneRanges } from '../domain/scoring/bands.ts';
import type { Tally } from '../domain/scoring/distribution.ts';
import type { Improvement } from '../domain/scoring/ranking.ts';
import { roundHalfUp } from '../domain/scoring/rounding.ts';
import type { ServiceContext } from '../services/context.ts';
import type { LoadedCycle } from '../services/cycles.ts';
import type { PublicResult } from '../services/public/public-result.ts';
import type { PublicSummary } from '../services/public/public-summary.ts';
import type { Rankings } from '../services/results/rankings.ts';
import type { EntityResultView } from '../services/results/results.ts';
import type {
  BandView,
  ImprovementRow,
  PublicCycle,
  PublicEntityRef,
  PublicRankings,
  PublicResultCard,
  PublicSummary as PublicSummaryView,
  RankedRow,
  SearchHit,
} from '../shared/public-api.ts';

export function presentPublicCycle(
  ctx: ServiceContext,
  c: { year: number; edition: string | null; bandScheme: string },
  entities: number,
): PublicCycle {
  const instrument = c.edition ? ctx.catalog.editions.get(c.edition) : undefined;
  return {
    year: c.year,
    edition: c.edition,
    bandScheme: c.bandScheme,
    instrument: instrument ? { edition: instrument.edition, name: instrument.name } : null,
    entities,
  };
}

export function presentBands(cycle: Pick<LoadedCycle, 'bands'>): BandView[] {
  return cycle.bands.bands.map((b) => ({ min: b.min, category: b.category, opinion: b.opinion, zone: b.zone }));
}

const entityRef = (e: EntityResultView['entity']): PublicEntityRef => ({
  code: e.code,
  name: e.name,
  level: e.level,
  province: e.province,
  provinceCode: e.provinceCode,
});

export function presentRanked(r: EntityResultView): RankedRow {
  return {
    entity: entityRef(r.entity),
    score: r.score,
    category: r.category,
    opinion: r.opinion,
    opinionText: r.opinionText,
    zone: r.zone,
    rank: r.rank,
    provinceRank: r.provinceRank,
    synthetic: r.synthetic,
  };
}

export const presentHit = (r: EntityResultView): SearchHit => ({
  entity: entityRef(r.entity),
  score: r.score,
  category: r.category,
  zone: r.zone,
});

/** A tally with the zone its mean falls in. */
function bandedWith(scheme: BandScheme) {
  return <T extends Tally>(t: T): T & { meanZone: Zone | null } => ({
    ...t,
    meanZone: t.meanScore === null ? null : bandFor(scheme, t.meanScore).zone,
  });
}

export function presentSummary(ctx: ServiceContext, s: PublicSummary): PublicSummaryView {
  const banded = bandedWith(s.cycle.bands);
  return {
    cycle: presentPublicCycle(ctx, s.cycle, s.national.entities),
    bands: presentBands(s.cycle),
    zoneRanges: zoneRanges(s.cycle.bands),
    national: banded(s.national),
    levels: s.levels.map(banded),
    provinces: s.provinces.map((p) => ({
      ...banded(p),
      province: s.provinceNames.get(p.provinceCode) ?? p.provinceCode,
    })),
  };
}

const presentImprovement = (i: Improvement): ImprovementRow => ({
  rank: i.rank,
  entity: entityRef(i.entity),
  previous: i.previous,
  current: i.current,
  change: roundHalfUp(i.changeHundredths / 100, 2),
});

export function presentRankings(
  r: Rankings,
  filter: { level?: string | undefined; province?: string | undefined },
): PublicRankings {
  switch (r.kind) {
    case 'level':
      return {
        kind: r.kind,
        cycle: r.cycle,
        groups: r.groups
          .filter((g) => !filter.level || g.level === filter.level)
          .map((g) => ({ level: g.level, size: g.rows.length, rows: g.rows.map(presentRanked) })),
      };
    case 'province':
      return {
        kind: r.kind,
        cycle: r.cycle,
        groups: r.groups
          .filter((g) => !filter.province || g.provinceCode === filter.province)
          .map((g) => ({ provinceCode: g.provinceCode, province: g.province, rows: g.rows.map(presentRanked) })),
      };
    case 'improved':
      return {
        kind: r.kind,
        cycle: r.cycle,
        previousCycle: r.previousCycle,
        schemeChanged: r.schemeChanged,
        rows: r.rows.map(presentImprovement),
      };
    case 'awards':
      return { kind: r.kind, cycle: r.cycle, rows: r.rows.map(presentRanked) };
  }
}

export function presentResultCard(ctx: ServiceContext, x: PublicResult): PublicResultCard {
  const r = x.result;
  return {
    cycle: presentPublicCycle(ctx, x.cycle, x.entities),
    entity: entityRef(r.entity),
    score: r.score,
    category: r.category,
    opinion: r.opinion,
    opinionText: r.opinionText,
    zone: r.zone,
    complete: r.complete,
    source: r.source,
    synthetic: r.synthetic,
    rank: r.rank,
    levelSize: x.levelSize,
    provinceRank: r.provinceRank,
    provinceSize: x.provinceSize,
    units: r.units.map((u) => ({ id: u.id, name: u.name, score: u.score, complete: u.complete })),
    history: x.history,
    award: { eligible: r.award.eligible, withheld: r.award.withheld !== null },
    certificate: mayIssueCertificate(r),
  };
}
