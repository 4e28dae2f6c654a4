/**
 * One entity's public result card in a published cycle: score, category, opinion,
 * zone, its ranks (and out of how many), its units' scores and its history over the
 * published cycles. An entity without a result answers as an unknown one.
 */
import type { EntityRow } from '../../db/repos/entities.ts';
import { ANONYMOUS } from '../auth/principal.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedCycle } from '../cycles.ts';
import { loadEntityInScope } from '../results/entity-access.ts';
import { entityHistory, type HistoryPoint, noResult } from '../results/entity-result.ts';
import { cycleResults, type EntityResultView } from '../results/results.ts';
import { loadPublicCycle } from './public-cycles.ts';

export interface PublicResult {
  cycle: LoadedCycle;
  result: EntityResultView;
  /** entities with a result in the cycle */
  entities: number;
  /** entities of the same level with a result in the cycle */
  levelSize: number;
  /** regencies and cities of the same province with a result; null when there is no province rank */
  provinceSize: number | null;
  history: HistoryPoint[];
}

/**
 * The entity with this code, asked about in a published cycle as the public asks:
 * an unpublished cycle is CYCLE_NOT_FOUND, an unknown code the same NOT_FOUND as an
 * entity without a result. Whatever the public gets about one entity starts here.
 */
export async function loadPublicEntity(ctx: ServiceContext, year: number, code: string): Promise<EntityRow> {
  await loadPublicCycle(ctx, year);
  return loadEntityInScope(ctx, ANONYMOUS, code, noResult(code, year));
}

export async function publicResult(ctx: ServiceContext, year: number, code: string): Promise<PublicResult> {
  const entity = await loadPublicEntity(ctx, year, code);
  const { cycle, results } = await cycleResults(ctx, year);
  const result = results.find((r) => r.entity.code === entity.code);
  if (!result) throw noResult(code, year);
  const levelSize = results.filter((r) => r.entity.level === result.entity.level).length;
  const provinceSize =
    result.provinceRank === null
      ? null
      : results.filter((r) => r.provinceRank !== null && r.entity.provinceCode === result.entity.provinceCode).length;
  return {
    cycle,
    result,
    entities: results.length,
    levelSize,
    provinceSize,
    history: await entityHistory(ctx, ANONYMOUS, entity.id),
  };
}
