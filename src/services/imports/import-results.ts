/**
 * Imports published results: `entity,score` (entity level) or `entity,unit,score`
 * (unit level; the entity's score is then the mean of its units, rule 5, unless a
 * row of the entity leaves the unit empty: that row is the entity's published score,
 * and it stands — results show the unit mean beside it, domain/scoring/reconcile.ts), with an
 * optional `level` column to tell apart names such as Kota and Kabupaten Bekasi.
 * All-or-nothing; an entity's published results are replaced, never duplicated.
 * The file is read, checked and its names resolved on a worker thread; the first
 * 1,000 bad rows are reported.
 * A body that no longer existed in the cycle's year is a bad row naming its successors;
 * results of the years it existed import as any other.
 */
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { listEntities } from '../../db/repos/entities.ts';
import { replacePublishedResults } from '../../db/repos/results.ts';
import { lockStoredResults } from '../../db/repos/stored-results.ts';
import { ensureUnits, unitKey } from '../../db/repos/units.ts';
import { scoreEntity } from '../../domain/scoring/score.ts';
import { inferUnitKind } from '../../domain/unit/kind.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle } from '../cycles.ts';
import { buildResolver } from '../registry/registry.ts';
import { refreshStoredResults } from '../results/stored-results.ts';
import { readInWorker } from './run-import-worker.ts';

export { parseScore } from './validate-results.ts';

export interface ImportResultsReport {
  cycle: number;
  rows: number;
  entities: number;
  units: number;
  /** what a person should check, e.g. a CSV read as Windows-1252 */
  warnings: string[];
}

/** Reads and checks the file on a worker thread (validate-results.ts); writes in one transaction. */
export async function importResults(
  ctx: ServiceContext,
  file: string,
  ref: CycleRef,
  opts: {
    limits?: ImportLimits;
    onProgress?: (done: number, total: number) => void;
    /** who is audited (default: the CLI) */
    actor?: string;
  } = {},
): Promise<ImportResultsReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const entitiesOfRegistry = await listEntities(ctx.db);
  const resolver = buildResolver(entitiesOfRegistry);
  const { rows, unitLevel, entityScores, unitScores, warnings } = await readInWorker(
    {
      kind: 'results',
      input: { file, year, limits: opts.limits ?? DEFAULT_IMPORT_LIMITS, entities: entitiesOfRegistry },
    },
    opts.onProgress,
  );

  return ctx.db.transaction().execute(async (tx) => {
    // one import of a cycle at a time: a second waits, then replaces what the first wrote (no key collision)
    await lockStoredResults(tx, cycle.id);
    const entities: Array<{ entityId: number; score: number }> = [];
    const units: Array<{ entityId: number; unitId: number; score: number }> = [];
    if (unitLevel) {
      const wanted = [...unitScores].flatMap(([entityId, m]) =>
        [...m.values()].map((u) => ({
          entityId,
          name: u.name,
          kind: inferUnitKind(u.name, resolver.byId(entityId)?.level ?? 'kota'),
        })),
      );
      const ids = await ensureUnits(tx, cycle.id, wanted);
      for (const [entityId, m] of unitScores) {
        const list = [...m.values()];
        const mean = scoreEntity(list.map((u) => ({ score: u.score, complete: true }))).score;
        if (mean === null) continue;
        // a published entity score stands; the mean of its units only stands in for a missing one
        entities.push({ entityId, score: entityScores.get(entityId)?.score ?? mean });
        for (const u of list) {
          units.push({ entityId, unitId: ids.get(`${entityId}\u0000${unitKey(u.name)}`) as number, score: u.score });
        }
      }
    }
    for (const [entityId, e] of entityScores) {
      if (!unitScores.has(entityId)) entities.push({ entityId, score: e.score });
    }
    await replacePublishedResults(tx, cycle.id, entities, units, `import:${file.split('/').pop()}`);
    await refreshStoredResults({ db: tx }, cycle, resolver);
    const report = { cycle: year, rows, entities: entities.length, units: units.length };
    await appendAudit(tx, {
      actor: opts.actor ?? 'cli',
      action: 'import.results',
      subject: `cycle:${cycle.code}`,
      after: { file: file.split(/[\\/]/).pop(), ...report },
    });
    return { ...report, warnings };
  });
}
