/**
 * Rankings: standard competition ranking (1, 2, 2, 4) on the rounded score, which
 * is what is published, so two entities shown with the same score share a rank.
 */
import { LEVELS, type Level, type Zone } from '../instrument/schema.ts';
import { qualifiesForCertificate } from '../report/certificate.ts';
import { toHundredths } from './rounding.ts';

export interface Rankable {
  key: string;
  score: number;
  /** the group the rank is within: e.g. the level nationally, or level + province */
  group: string;
}

export function rankWithinGroups(items: readonly Rankable[]): Map<string, number> {
  const groups = new Map<string, Array<{ key: string; h: number }>>();
  for (const it of items) {
    const list = groups.get(it.group) ?? [];
    list.push({ key: it.key, h: toHundredths(it.score) });
    groups.set(it.group, list);
  }
  const ranks = new Map<string, number>();
  for (const list of groups.values()) {
    list.sort((a, b) => b.h - a.h);
    let previous = Number.NaN;
    let rank = 0;
    list.forEach((it, index) => {
      if (it.h !== previous) rank = index + 1;
      previous = it.h;
      ranks.set(it.key, rank);
    });
  }
  return ranks;
}

/** The part of a cycle result the ranking tables use (services/results/results.ts EntityResultView fits it). */
export interface RankedResult {
  entity: { code: string; name: string; level: Level; province: string | null; provinceCode: string | null };
  /** rounded, as published */
  score: number;
  category: string | null;
  opinion: string;
  zone: Zone | null;
  /** the band is an award (domain/scoring/bands.ts isAwardBand) and whether it is withheld */
  award: { eligible: boolean; withheld: unknown };
  /** rank within the level, nationally */
  rank: number;
  /** rank within the province (regencies and cities); null for provinces and national bodies */
  provinceRank: number | null;
}

const byName = (a: RankedResult, b: RankedResult) =>
  a.entity.name.localeCompare(b.entity.name, 'id') || a.entity.code.localeCompare(b.entity.code);

/** One table per level (in LEVELS order), by national rank. */
export function rankingsByLevel<T extends RankedResult>(results: readonly T[]): Array<{ level: Level; rows: T[] }> {
  return LEVELS.map((level) => ({
    level,
    rows: results.filter((r) => r.entity.level === level).sort((a, b) => a.rank - b.rank || byName(a, b)),
  })).filter((g) => g.rows.length > 0);
}

/** One table per province (by province name) of its regencies and cities, by rank within the province. */
export function rankingsByProvince<T extends RankedResult>(
  results: readonly T[],
): Array<{ provinceCode: string; province: string; rows: T[] }> {
  const groups = new Map<string, { provinceCode: string; province: string; rows: T[] }>();
  for (const r of results) {
    if (r.provinceRank === null || r.entity.provinceCode === null) continue;
    const g = groups.get(r.entity.provinceCode) ?? {
      provinceCode: r.entity.provinceCode,
      province: r.entity.province ?? r.entity.provinceCode,
      rows: [],
    };
    g.rows.push(r);
    groups.set(r.entity.provinceCode, g);
  }
  const out = [...groups.values()].sort((a, b) => a.province.localeCompare(b.province, 'id'));
  for (const g of out) g.rows.sort((a, b) => (a.provinceRank ?? 0) - (b.provinceRank ?? 0) || byName(a, b));
  return out;
}

export interface Improvement {
  /** competition rank on the change (largest rise first) */
  rank: number;
  entity: RankedResult['entity'];
  previous: Pick<RankedResult, 'score' | 'category' | 'opinion' | 'zone'>;
  current: Pick<RankedResult, 'score' | 'category' | 'opinion' | 'zone'>;
  /** current − previous on the published (rounded) scores, in hundredths: exact */
  changeHundredths: number;
}

/**
 * Entities with a result in both cycles, by the change of their published score
 * (largest rise first; falls are listed too, last). The two cycles may use different
 * band schemes (zones only up to 2021, categories from 2022): the score change is
 * still meaningful, a change of category or zone is then not comparable (callers say so).
 */
export function mostImproved(current: readonly RankedResult[], previous: readonly RankedResult[]): Improvement[] {
  const before = new Map(previous.map((p) => [p.entity.code, p]));
  const rows: Array<Omit<Improvement, 'rank'>> = [];
  for (const c of current) {
    const p = before.get(c.entity.code);
    if (!p) continue;
    const pick = (r: RankedResult) => ({ score: r.score, category: r.category, opinion: r.opinion, zone: r.zone });
    rows.push({
      entity: c.entity,
      previous: pick(p),
      current: pick(c),
      changeHundredths: toHundredths(c.score) - toHundredths(p.score),
    });
  }
  rows.sort((a, b) => b.changeHundredths - a.changeHundredths || a.entity.name.localeCompare(b.entity.name, 'id'));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || rows[i - 1]?.changeHundredths !== r.changeHundredths) rank = i + 1;
    return { rank, ...r };
  });
}

/** The awards list: entities whose band is an award (the green zone up to 2024, Kualitas Tertinggi from 2025), by category (A before B; none last), then score, then name. */
export function awardsList<T extends RankedResult>(results: readonly T[]): T[] {
  const cat = (c: string | null) => c ?? '\uffff';
  return results
    .filter(qualifiesForCertificate)
    .sort(
      (a, b) =>
        cat(a.category).localeCompare(cat(b.category)) || toHundredths(b.score) - toHundredths(a.score) || byName(a, b),
    );
}
