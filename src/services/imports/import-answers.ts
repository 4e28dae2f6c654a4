/**
 * Imports answers (columns entity, unit, indicator, respondent, value) into a cycle:
 * every row is checked first and every bad row is reported; only a clean file is
 * written, in one transaction, followed by a recompute of the entities it touched.
 */
import { type AnswerColumns, upsertAnswers, upsertRespondents } from '../../db/repos/answers.ts';
import { ensureUnits, unitKey } from '../../db/repos/units.ts';
import { INTERVIEW_METHODS, type Indicator, type Level } from '../../domain/instrument/schema.ts';
import { appliesToLevel } from '../../domain/scoring/score.ts';
import { LEVELS } from '../../domain/instrument/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadCycle, requireInstrument } from '../cycles.ts';
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

const MAX_VALUE_TEXT = /^(?:[0-3])$/;

export async function importAnswers(
  ctx: ServiceContext,
  file: string,
  year: number,
  opts: { by?: string; synthetic?: boolean; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportAnswersReport> {
  const cycle = await loadCycle(ctx, year);
  const instrument = requireInstrument(cycle);
  const indicators = new Map<string, Indicator>();
  for (const d of instrument.dimensions) for (const v of d.variables) for (const i of v.indicators) indicators.set(i.code, i);
  const resolver = await loadResolver(ctx);
  const progress: ProgressFn = (done, total) => opts.onProgress?.({ phase: 'read', done, total });
  const table = await openTable(file, progress);
  const col = mapColumns(table.header, ['entity', 'unit', 'indicator', 'respondent', 'value'] as const, ['level'] as const);

  const errors: RowError[] = [];
  const cols: AnswerColumns = { unitId: [], indicator: [], respondent: [], value: [] };
  const entityOfRow: number[] = [];
  const unitNameOfRow: string[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const entityName = cell(col.entity);
    const unitName = cell(col.unit).replace(/\s+/g, ' ');
    const code = cell(col.indicator).toUpperCase();
    const respondent = cell(col.respondent);
    const rawValue = cell(col.value);
    const levelText = cell(col.level).toLowerCase();
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
      const r = resolver.resolve(entityName, level);
      if (r.ok) {
        entityId = r.entity.id;
        entityLevel = r.entity.level;
      } else errors.push({ row, column: 'entity', message: r.message });
    }
    if (!unitName) errors.push({ row, column: 'unit', message: 'unit is empty: name the service unit (e.g. Disdukcapil)' });
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
        errors.push({ row, column: 'respondent', message: `${code} is an interview item: name the respondent (e.g. R1)` });
      }
    }
    let value: number | null = null;
    if (/^n\/?a$/i.test(rawValue)) value = null;
    else if (MAX_VALUE_TEXT.test(rawValue)) value = Number(rawValue);
    else errors.push({ row, column: 'value', message: `value "${rawValue}" must be 0, 1, 2, 3 or NA` });

    if (errors.length > before) continue;
    const key = `${entityId}\u0000${unitKey(unitName)}\u0000${code}\u0000${respondent}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      errors.push({ row, message: `the same answer (unit, indicator, respondent) is already in row ${dup}` });
      continue;
    }
    seen.set(key, row);
    entityOfRow.push(entityId);
    unitNameOfRow.push(unitName);
    cols.indicator.push(code);
    cols.respondent.push(respondent);
    cols.value.push(value);
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);

  const total = cols.indicator.length;
  const by = opts.by ?? 'import';
  return ctx.db.transaction().execute(async (tx) => {
    const wanted = entityOfRow.map((entityId, i) => ({ entityId, name: unitNameOfRow[i] as string, synthetic: opts.synthetic ?? false }));
    const before = await tx.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_id', '=', cycle.id).executeTakeFirstOrThrow();
    const unitIds = await ensureUnits(tx, cycle.id, wanted);
    const after = await tx.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_id', '=', cycle.id).executeTakeFirstOrThrow();
    cols.unitId = entityOfRow.map((entityId, i) => unitIds.get(`${entityId}\u0000${unitKey(unitNameOfRow[i] as string)}`) as number);
    await upsertAnswers(tx, cycle.id, cols, by, new Date(), (done) => opts.onProgress?.({ phase: 'write', done, total }));
    const respondents = new Map<string, { unitId: number; key: string; kind: string }>();
    cols.respondent.forEach((key, i) => {
      const unitId = cols.unitId[i] as number;
      const method = indicators.get(cols.indicator[i] as string)?.method ?? 'observation';
      if (key) respondents.set(`${unitId}\u0000${key}`, { unitId, key, kind: method });
    });
    const list = [...respondents.values()];
    await upsertRespondents(tx, { unitId: list.map((r) => r.unitId), key: list.map((r) => r.key), kind: list.map((r) => r.kind) });
    const entityIds = [...new Set(entityOfRow)];
    opts.onProgress?.({ phase: 'recompute', done: 0, total: entityIds.length });
    await recomputeResults({ db: tx }, cycle, entityIds);
    opts.onProgress?.({ phase: 'recompute', done: entityIds.length, total: entityIds.length });
    return {
      cycle: year,
      rows,
      entities: entityIds.length,
      units: unitIds.size,
      unitsCreated: Number(after.n) - Number(before.n),
      answers: total,
    };
  });
}
