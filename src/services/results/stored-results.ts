/**
 * Results stored when written (issue 9, item 7). Every writer that changes what a
 * cycle's results are made of — answers (through recomputeResults), published
 * results, and anything else a result reads — calls refreshStoredResults in its own
 * transaction, after its write: the cycle is scored, banded and ranked once
 * (results.ts computeResults) and the views are written to `stored_results`.
 * Readers (cycleResults) then read one entity, or a cycle, by index and never
 * re-score or re-rank.
 *
 * Writers of one cycle are serialised by an advisory lock taken before computing, so
 * the later one computes from what the earlier one committed. At every start,
 * refreshStaleResults recomputes the cycles whose basis — the band scheme, the
 * instrument, the registry, and this file's STORE_FORMAT — changed since they were
 * stored: a corrected band (the C/D boundary at 54.00) shows at the next start.
 */
import { createHash } from 'node:crypto';
import { listCycles } from '../../db/repos/cycles.ts';
import {
  lockStoredResults,
  readStoredBases,
  replaceStoredResults,
  writeStoredBasis,
} from '../../db/repos/stored-results.ts';
import type { ServiceContext } from '../context.ts';
import { type LoadedCycle, loadCycleRow } from '../cycles.ts';
import { type EntityResolver, loadResolver } from '../registry/registry.ts';
import { computeResults } from './results.ts';

/** Bump when the stored view's shape changes, so every database re-stores at its next start. */
export const STORE_FORMAT = 2;

function basisOf(cycle: LoadedCycle, resolver: EntityResolver): string {
  const h = createHash('sha256');
  h.update(`format ${STORE_FORMAT}\n`);
  h.update(JSON.stringify(cycle.bands));
  h.update(JSON.stringify(cycle.instrument));
  for (const e of resolver.all()) h.update(`${e.id}\t${e.code}\t${e.name}\t${e.level}\t${e.provinceCode}\n`);
  return h.digest('hex');
}

/** Re-stores the cycle's results. Run it inside the writer's transaction, after the write. */
export async function refreshStoredResults(
  ctx: Pick<ServiceContext, 'db'>,
  cycle: LoadedCycle,
  resolver?: EntityResolver,
): Promise<number> {
  await lockStoredResults(ctx.db, cycle.id);
  const r = resolver ?? (await loadResolver(ctx));
  const results = await computeResults(ctx, cycle, r);
  const ids = new Map(r.all().map((e) => [e.code, e.id]));
  await replaceStoredResults(
    ctx.db,
    cycle.id,
    results.map((v) => ({
      entityId: ids.get(v.entity.code) as number,
      entityCode: v.entity.code,
      exactScore: v.exactScore,
      score: v.score,
      category: v.category,
      opinion: v.opinion,
      zone: v.zone,
      rank: v.rank,
      provinceRank: v.provinceRank,
      view: v as unknown as Record<string, unknown>,
    })),
  );
  await writeStoredBasis(ctx.db, cycle.id, basisOf(cycle, r));
  return results.length;
}

/** Re-stores every cycle whose basis changed since it was stored; each cycle in its own transaction. */
export async function refreshStaleResults(ctx: Pick<ServiceContext, 'db' | 'catalog'>): Promise<string[]> {
  const [cycles, bases, resolver] = await Promise.all([listCycles(ctx.db), readStoredBases(ctx.db), loadResolver(ctx)]);
  const refreshed: string[] = [];
  for (const row of cycles) {
    const cycle = loadCycleRow(ctx, row);
    if (bases.get(cycle.id) === basisOf(cycle, resolver)) continue;
    await ctx.db.transaction().execute((tx) => refreshStoredResults({ db: tx }, cycle, resolver));
    refreshed.push(cycle.code);
  }
  return refreshed;
}
