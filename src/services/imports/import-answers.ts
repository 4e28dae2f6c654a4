/**
 * Imports answers (columns entity, unit, indicator, respondent, value) into a cycle:
 * every row is checked first and every bad row is reported; only a clean file is
 * written, in one transaction, followed by a recompute of the entities it touched.
 * A body that no longer existed in the cycle's year (Kemenkumham in 2025) is a bad
 * row naming its successors (services/registry.ts resolveForCycle).
 */
import path from 'node:path';
import { type AnswerColumns, upsertAnswers, upsertRespondents } from '../../db/repos/answers.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { lockStoredResults } from '../../db/repos/stored-results.ts';
import { ensureUnits, existingUnitKeys, unitKey } from '../../db/repos/units.ts';
import { INTERVIEW_METHODS, type Indicator, LEVELS, type Level } from '../../domain/instrument/schema.ts';
import { appliesToLevel } from '../../domain/scoring/score.ts';
import { inferUnitKind } from '../../domain/unit/kind.ts';
import type { ServiceContext } from '../context.ts';
import { type CycleRef, loadCycle, requireInstrument } from '../cycles.ts';
import { recomputeResults } from '../recompute.ts';
import { loadResolver } from '../registry.ts';
import { mapColumns, openTable, type ProgressFn, type RowError, rejectRows } from './table-reader.ts';

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
    onProgress?: (p: ImportProgress) => void;
  } = {},
): Promise<ImportAnswersReport> {
  const cycle = await loadCycle(ctx, ref);
  const year = cycle.year;
  const instrument = requireInstrument(cycle);
  const indicators = new Map<string, Indicator>();
  for (const d of instrument.dimensions)
    for (const v of d.variables) for (const i of v.indicators) indicators.set(i.code, i);
  const resolver = await loadResolver(ctx);
  const progress: ProgressFn = (done, total) => opts.onProgress?.({ phase: 'read', done, total });
  const table = await openTable(file, progress);
  const col = mapColumns(
    table.header,
    ['entity', 'unit', 'indicator', 'respondent', 'value'] as const,
    ['level', 'province'] as const,
  );

  const errors: RowError[] = [];
  const cols: AnswerColumns = { unitId: [], indicator: [], respondent: [], value: [] };
  // units are numbered in order of first sight ("slots"); rows carry the slot number
  const slotOf = new Map<string, number>(); // raw "entityId\0unit name" → slot
  const slotByKey = new Map<string, number>(); // "entityId\0unit key" → slot
  const slots: Array<{ entityId: number; name: string; key: string; provinceCode: string | null }> = [];
  const slotOfRow: number[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const entityName = cell(col.entity);
    const unitName = cell(col.unit);
    const code = cell(col.indicator).toUpperCase();
    const respondent = cell(col.respondent);
    const rawValue = cell(col.value);
    const levelText = col.level >= 0 ? cell(col.level).toLowerCase() : '';
    const before = errors.length;

    let level: Level | undefined;
    if (levelText) {
      if ((LEVELS as readonly string[]).includes(levelText)) level = levelText as Level;
      else errors.push({ row, column: 'level', message: `"${levelText}" is not a level (${LEVELS.join(', ')})` });
    }
    let entityId = -1;
    let entityLevel: Level | undefined;
    if (!entityName) errors.push({ row, column: 'entity', message: 'entity is empty' });
    else {
      const r = resolver.resolveForCycle(entityName, year, level);
      if (r.ok) {
        entityId = r.entity.id;
        entityLevel = r.entity.level;
      } else errors.push({ row, column: 'entity', message: r.message });
    }
    if (!unitName)
      errors.push({ row, column: 'unit', message: 'unit is empty: name the service unit (e.g. Disdukcapil)' });
    const indicator = indicators.get(code);
    if (!code) errors.push({ row, column: 'indicator', message: 'indicator is empty' });
    else if (!indicator) {
      errors.push({
        row,
        column: 'indicator',
        message: `unknown indicator "${code}" in ${instrument.edition} (see: patuh instrument show --cycle ${year})`,
      });
    } else {
      if (entityLevel && !appliesToLevel(indicator, entityLevel)) {
        errors.push({
          row,
          column: 'indicator',
          message: `${code} applies only to ${indicator.appliesTo?.join(', ')}, not to a ${entityLevel}`,
        });
      }
      if (INTERVIEW_METHODS.has(indicator.method) && !respondent) {
        errors.push({
          row,
          column: 'respondent',
          message: `${code} is an interview item: name the respondent (e.g. R1)`,
        });
      }
    }
    let value: number | null = null;
    // the scale is the indicator's (the edition's), 0..max; an unknown indicator was reported above
    const max = indicator ? Math.max(...indicator.scale.map((l) => l.value)) : null;
    if (/^\d{1,3}$/.test(rawValue) && (max === null || Number(rawValue) <= max)) value = Number(rawValue);
    else if (!/^n\/?a$/i.test(rawValue)) {
      errors.push({
        row,
        column: 'value',
        message: `value "${rawValue}" must be a whole number${max === null ? '' : ` from 0 to ${max}`}, or NA`,
      });
    }
    // a vertical office (Polres, Lapas, …) names the province whose regional office assessed it
    const provinceName = cell(col.province);
    let provinceCode: string | null = null;
    if (provinceName) {
      const pr = resolver.resolveForCycle(provinceName, year, 'provinsi');
      if (pr.ok) provinceCode = pr.entity.provinceCode;
      else errors.push({ row, column: 'province', message: pr.message });
    }
    if (errors.length > before) continue;

    const raw = `${entityId}\u0000${unitName}`;
    let slot = slotOf.get(raw);
    if (slot === undefined) {
      const key = unitKey(unitName);
      slot = slotByKey.get(`${entityId}\u0000${key}`);
      if (slot === undefined) {
        slot = slots.length;
        slots.push({ entityId, name: unitName, key, provinceCode });
        slotByKey.set(`${entityId}\u0000${key}`, slot);
      }
      slotOf.set(raw, slot);
    }
    const answerKey = `${slot}\u0000${code}\u0000${respondent}`;
    const dup = seen.get(answerKey);
    if (dup !== undefined) {
      errors.push({ row, message: `the same answer (unit, indicator, respondent) is already in row ${dup}` });
      continue;
    }
    seen.set(answerKey, row);
    slotOfRow.push(slot);
    cols.indicator.push(code);
    cols.respondent.push(respondent);
    cols.value.push(value);
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);

  seen.clear();
  const total = cols.indicator.length;
  const by = opts.by ?? 'import';
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
    cols.unitId = slotOfRow.map((slot) => idOfSlot[slot] as number);
    // answers of units created just now cannot replace anything: plain insert; others upsert
    const fresh = slotOfRow.map((slot) => isNew[slot] === true);
    await upsertAnswers(tx, cycle.id, cols, by, new Date(), {
      freshRows: fresh,
      onBatch: (done) => opts.onProgress?.({ phase: 'write', done, total }),
    });
    const respondents = new Map<string, { unitId: number; key: string; kind: string }>();
    cols.respondent.forEach((key, i) => {
      if (!key) return;
      const unitId = cols.unitId[i] as number;
      const k = `${unitId}\u0000${key}`;
      if (respondents.has(k)) return;
      const method = indicators.get(cols.indicator[i] as string)?.method ?? 'observation';
      respondents.set(k, { unitId, key, kind: method });
    });
    const list = [...respondents.values()];
    await upsertRespondents(tx, {
      unitId: list.map((r) => r.unitId),
      key: list.map((r) => r.key),
      kind: list.map((r) => r.kind),
    });
    const entityIds = [...new Set(slots.map((s) => s.entityId))];
    opts.onProgress?.({ phase: 'recompute', done: 0, total: entityIds.length });
    await recomputeResults({ db: tx }, cycle, entityIds);
    opts.onProgress?.({ phase: 'recompute', done: entityIds.length, total: entityIds.length });
    const report = {
      cycle: year,
      rows,
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
    return report;
  });
}
