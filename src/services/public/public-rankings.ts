/** The rankings of a published cycle (services/results/rankings.ts), for the public. */
import type { ServiceContext } from '../context.ts';
import { cycleRankings, type RankingKind, type Rankings } from '../results/rankings.ts';
import { loadPublicCycle } from './public-cycles.ts';

export async function publicRankings(ctx: ServiceContext, year: number, kind: RankingKind): Promise<Rankings> {
  await loadPublicCycle(ctx, year);
  return cycleRankings(ctx, year, kind);
}
