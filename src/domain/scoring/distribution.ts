/**
 * How a cycle's results spread: counts per category and zone, the mean score,
 * nationally, per level and per province (the public dashboard). Pure arithmetic
 * on the published (rounded) scores, so anyone can redo it from the open data:
 * the mean is the mean of the published scores, rounded half up to two decimals.
 */
import { LEVELS, type Level, type Zone } from '../instrument/schema.ts';
import { roundHalfUp, toHundredths } from './rounding.ts';

export const ZONE_ORDER: readonly Zone[] = ['hijau', 'kuning', 'merah'];

/** The part of a cycle result the distribution reads (services/results/results.ts EntityResultView fits it). */
export interface DistributedResult {
  entity: { level: Level; provinceCode: string | null };
  /** rounded, as published */
  score: number;
  category: string | null;
  /** null from 2025 (no zones): not counted in any zone */
  zone: Zone | null;
}

export interface Tally {
  entities: number;
  /** mean of the published scores, half up to two decimals; null without entities */
  meanScore: number | null;
  /** every category of the scheme, in its order (A first), zeros included; empty for a scheme without categories */
  categories: Array<{ category: string; count: number }>;
  /** hijau, kuning, merah, zeros included */
  zones: Array<{ zone: Zone; count: number }>;
  /** share of entities in the green zone, percent, half up to two decimals; null without entities */
  greenShare: number | null;
}

export interface ProvinceTally extends Tally {
  provinceCode: string;
}

export interface Distribution {
  national: Tally;
  /** levels that have results, in LEVELS order */
  levels: Array<Tally & { level: Level }>;
  /**
   * every province given, in the order given, each with the results of the province
   * itself and its kabupaten and kota (national bodies belong to no province)
   */
  provinces: ProvinceTally[];
}

export function tally(results: readonly DistributedResult[], categories: readonly string[]): Tally {
  const perCategory = new Map(categories.map((c) => [c, 0]));
  const perZone = new Map<Zone, number>(ZONE_ORDER.map((z) => [z, 0]));
  let hundredths = 0;
  for (const r of results) {
    hundredths += toHundredths(r.score);
    if (r.zone !== null) perZone.set(r.zone, (perZone.get(r.zone) ?? 0) + 1);
    if (r.category !== null && perCategory.has(r.category))
      perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
  }
  const n = results.length;
  const green = perZone.get('hijau') ?? 0;
  return {
    entities: n,
    meanScore: n === 0 ? null : roundHalfUp(hundredths / n / 100, 2),
    categories: categories.map((category) => ({ category, count: perCategory.get(category) ?? 0 })),
    zones: ZONE_ORDER.map((zone) => ({ zone, count: perZone.get(zone) ?? 0 })),
    greenShare: n === 0 ? null : roundHalfUp((green / n) * 100, 2),
  };
}

/**
 * @param categories the band scheme's categories, best first (none for a zones-only scheme)
 * @param provinceCodes the provinces to report, each once, in the order wanted
 */
export function distribute(
  results: readonly DistributedResult[],
  categories: readonly string[],
  provinceCodes: readonly string[],
): Distribution {
  const byProvince = new Map<string, DistributedResult[]>(provinceCodes.map((c) => [c, []]));
  for (const r of results) {
    if (r.entity.provinceCode !== null) byProvince.get(r.entity.provinceCode)?.push(r);
  }
  return {
    national: tally(results, categories),
    levels: LEVELS.map((level) => ({
      level,
      ...tally(
        results.filter((r) => r.entity.level === level),
        categories,
      ),
    })).filter((l) => l.entities > 0),
    provinces: provinceCodes.map((provinceCode) => ({
      provinceCode,
      ...tally(byProvince.get(provinceCode) ?? [], categories),
    })),
  };
}
