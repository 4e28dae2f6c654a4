/**
 * Rankings of a cycle: nationally per level, within each province, most improved
 * since the previous published cycle, and the awards list. Ranks and scores are the
 * ones cycleResults computes; the tables are arranged by domain/scoring/ranking.ts.
 */
import type { Level } from '../../domain/instrument/schema.ts';
import {
  awardsList,
  type Improvement,
  mostImproved,
  rankingsByLevel,
  rankingsByProvince,
} from '../../domain/scoring/ranking.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, previousPublishedYear } from '../cycles.ts';
import { cycleResults, type EntityResultView } from './results.ts';

export const RANKING_KINDS = ['level', 'province', 'improved', 'awards'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export type Rankings =
  | { kind: 'level'; cycle: number; groups: Array<{ level: Level; rows: EntityResultView[] }> }
  | {
      kind: 'province';
      cycle: number;
      groups: Array<{ provinceCode: string; province: string; rows: EntityResultView[] }>;
    }
  | {
      kind: 'improved';
      cycle: number;
      /** null when there is no earlier published cycle */
      previousCycle: number | null;
      /** the two cycles band differently (e.g. zones only up to 2021): categories and zones are not comparable */
      schemeChanged: boolean;
      rows: Improvement[];
    }
  | { kind: 'awards'; cycle: number; rows: EntityResultView[] };

export async function cycleRankings(ctx: ServiceContext, ref: CycleRef, kind: RankingKind): Promise<Rankings> {
  const { cycle, results } = await cycleResults(ctx, ref);
  const year = cycle.year;
  switch (kind) {
    case 'level':
      return { kind, cycle: year, groups: rankingsByLevel(results) };
    case 'province':
      return { kind, cycle: year, groups: rankingsByProvince(results) };
    case 'awards':
      return { kind, cycle: year, rows: awardsList(results) };
    case 'improved': {
      const prev = await previousPublishedYear(ctx, year);
      if (prev === null) return { kind, cycle: year, previousCycle: null, schemeChanged: false, rows: [] };
      const before = await cycleResults(ctx, prev);
      return {
        kind,
        cycle: year,
        previousCycle: prev,
        schemeChanged: before.cycle.bandScheme !== cycle.bandScheme,
        rows: mostImproved(results, before.results),
      };
    }
  }
}
