/**
 * Imports answers (columns entity, unit, indicator, respondent, value) into a cycle:
 * the file is read, every row checked and every name resolved on a worker thread
 * (validate-answers.ts), and the first 1,000 bad rows are reported; only a clean file
 * is written, in one transaction, followed by a recompute of the entities it touched.
 * A body that no longer existed in the cycle's year (Kemenkumham in 2025) is a bad
 * row naming its successors (services/registry/registry.ts resolveForCycle).
 */
import path from 'node:path';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config.ts';
import { type AnswerColumns, upsertAnswers, upsertRespondents } from '../../db/repos/answers.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { listEntities } from '../../db/repos/entities.ts';
import { lockStoredResults } from '../../db/repos/stored-results.ts';
import { ensureUnits, existingUnitKeys } from '../../db/repos/units.ts';
import type { Indicator } from '../../domain/instrument/schema.ts';
import { inferUnitKind } from '../../domain/unit/kind.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle, requireInstrument } from '../cycles.ts';
import { buildResolver } from '../registry/registry.ts';
import { recomputeResults } from '../results/recompute.ts';
import { readInWorker } from './run-import-worker.ts';

export interface ImportProgress {
  phase: 'read' | 'write' | 'recompute';
  done: number;
  total: number;
}

export interface ImportAnswersReport {
  cycle: number;
  rows: number;
  entities: number;
  units: number;
  unitsCreated: number;
  answers: number;
  /** what a person should check, e.g. a CSV read as Windows-1252 */
  warnings: string[];
}

export async function importAnswers(
  ctx: ServiceContext,
  file: string,
  ref: CycleRef,
  opts: {
    by?: string;
    /** who is audited for the import (default: the CLI) */
    actor?: string;
    synthetic?: boolean;
    limits?: ImportLimits;
    onProgress?: (p: ImportProgress) => void;
  } = {},
): Promise<ImportAnswersReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const instrument = requireInstrument(cycle);
  const indicators = new Map<string, Indicator>();
  for (const d of instrument.dimensions)
    for (const v of d.variables) for (const i of v.indicators) indicators.set(i.code, i);
  const entities = await listEntities(ctx.db);
  const resolver = buildResolver(entities);
  const data = await readInWorker(
    {
      kind: 'answers',
      input: {
        file,
        year,
        limits: opts.limits ?? DEFAULT_IMPORT_LIMITS,
        entities,
        edition: instrument.edition,
        indicators: [...indicators.values()],
      },
    },
    (done, total) => opts.onProgress?.({ phase: 'read', done, total }),
  );
  const { slots } = data;
  const total = data.slotOfRow.length;
  const by = opts.by ?? 'import';
  // PGlite runs in this thread: short statements, so /health is answered between them (docs/benchmarks.md)
  const rowsPerStatement = ctx.runtime.driver.kind === 'pglite' ? 2_000 : 20_000;
  return ctx.db.transaction().execute(async (tx) => {
    // one import of a cycle at a time: a second waits, then replaces what the first wrote (no key collision)
    await lockStoredResults(tx, cycle.id);
    const existing = await existingUnitKeys(tx, cycle.unitsCycleId, [...new Set(slots.map((s) => s.entityId))]);
    const isNew = slots.map((s) => !existing.has(`${s.entityId}\u0000${s.key}`));
    const unitIds = await ensureUnits(
      tx,
      cycle.unitsCycleId,
      slots.map((s) => ({
        entityId: s.entityId,
        name: s.name,
        kind: inferUnitKind(s.name, resolver.byId(s.entityId)?.level ?? 'kota'),
        synthetic: opts.synthetic ?? false,
        provinceCode: s.provinceCode,
      })),
    );
    const idOfSlot = slots.map((s) => unitIds.get(`${s.entityId}\u0000${s.key}`) as number);
    const cols: AnswerColumns = { unitId: [], indicator: [], respondent: [], value: [] };
    const fresh: boolean[] = [];
    for (let i = 0; i < total; i++) {
      // a turn of the event loop every 50,000 rows: other requests are answered meanwhile
      if (i > 0 && i % 50_000 === 0) await new Promise((r) => setImmediate(r));
      const slot = data.slotOfRow[i] as number;
      const v = data.valueOfRow[i] as number;
      cols.unitId.push(idOfSlot[slot] as number);
      cols.indicator.push(data.codes[data.indicatorOfRow[i] as number] as string);
      cols.respondent.push(data.respondents[data.respondentOfRow[i] as number] as string);
      cols.value.push(v < 0 ? null : v);
      // answers of units created just now cannot replace anything: plain insert; others upsert
      fresh.push(isNew[slot] === true);
    }
    await upsertAnswers(tx, cycle.id, cols, by, new Date(), {
      freshRows: fresh,
      rowsPerStatement,
      onBatch: (done) => opts.onProgress?.({ phase: 'write', done, total }),
    });
    const respondents = new Map<string, { unitId: number; key: string; kind: string }>();
    cols.respondent.forEach((key, i) => {
      if (key === '') return;
      const unitId = cols.unitId[i] as number;
      const k = `${unitId}\u0000${key}`;
      if (respondents.has(k)) return;
      const method = indicators.get(cols.indicator[i] as string)?.method ?? 'observation';
      respondents.set(k, { unitId, key, kind: method });
    });
    const list = [...respondents.values()];
    await upsertRespondents(
      tx,
      {
        unitId: list.map((r) => r.unitId),
        key: list.map((r) => r.key),
        kind: list.map((r) => r.kind),
      },
      rowsPerStatement,
    );
    const entityIds = [...new Set(slots.map((s) => s.entityId))];
    opts.onProgress?.({ phase: 'recompute', done: 0, total: entityIds.length });
    await recomputeResults({ db: tx }, cycle, entityIds);
    opts.onProgress?.({ phase: 'recompute', done: entityIds.length, total: entityIds.length });
    const report = {
      cycle: year,
      rows: data.rows,
      entities: entityIds.length,
      units: slots.length,
      unitsCreated: isNew.filter(Boolean).length,
      answers: total,
    };
    await appendAudit(tx, {
      actor: opts.actor ?? 'cli',
      action: 'import.answers',
      subject: `cycle:${cycle.code}`,
      after: { file: path.basename(file), by, ...report },
    });
    return { ...report, warnings: data.warnings };
  });
}
