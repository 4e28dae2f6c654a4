/**
 * Checks every row of an answers file (columns entity, unit, indicator, respondent,
 * value) and resolves its names; runs on the import's worker thread (import-worker.ts),
 * so the server's event loop never waits for it. Returns the rows as typed arrays
 * (moved, not copied, to the main thread), or throws IMPORT_REJECTED with the bad rows.
 */
import type { ImportLimits } from '../../config.ts';
import type { EntityRow } from '../../db/repos/entities.ts';
import { unitKey } from '../../db/repos/units.ts';
import { INTERVIEW_METHODS, type Indicator, type Level } from '../../domain/instrument/schema.ts';
import { appliesToLevel } from '../../domain/scoring/score.ts';
import { echo, formulaNameProblem } from '../../domain/text/cells.ts';
import { buildResolver } from '../registry/registry.ts';
import { readLevelCell } from './level-cell.ts';
import { RowErrors, rejectRows } from './row-errors.ts';
import type { ProgressFn } from './table.ts';
import { mapColumns, openTable } from './table-reader.ts';

export interface AnswersInput {
  file: string;
  year: number;
  limits: ImportLimits;
  entities: EntityRow[];
  edition: string;
  indicators: Indicator[];
}

export interface AnswerRows {
  rows: number;
  /** units in order of first sight */
  slots: Array<{ entityId: number; name: string; key: string; provinceCode: string | null }>;
  slotOfRow: Uint32Array;
  /** index into codes */
  indicatorOfRow: Uint16Array;
  codes: string[];
  /** index into respondents */
  respondentOfRow: Uint32Array;
  respondents: string[];
  /** 0 to the indicator's scale maximum, or -1 for NA */
  valueOfRow: Int16Array;
  warnings: string[];
}

export async function validateAnswers(input: AnswersInput, onProgress?: ProgressFn): Promise<AnswerRows> {
  const { file, year } = input;
  const indicators = new Map(input.indicators.map((i) => [i.code, i]));
  const codes = input.indicators.map((i) => i.code);
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const resolver = buildResolver(input.entities);
  const table = await openTable(file, onProgress, input.limits);
  const col = mapColumns(
    table.header,
    ['entity', 'unit', 'indicator', 'respondent', 'value'] as const,
    ['level', 'province'] as const,
  );

  const errors = new RowErrors();
  const slotOf = new Map<string, number>(); // raw "entityId\0unit name" → slot
  const slotByKey = new Map<string, number>(); // "entityId\0unit key" → slot
  const slots: AnswerRows['slots'] = [];
  const slotOfRow: number[] = [];
  const indicatorOfRow: number[] = [];
  const respondentOfRow: number[] = [];
  const valueOfRow: number[] = [];
  const respondentIndex = new Map<string, number>();
  const respondents: string[] = [];
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
    const bad = (column: string | undefined, message: string) =>
      errors.push(column ? { row, column, message } : { row, message });

    const levelCell = readLevelCell(levelText);
    const level = levelCell.ok ? levelCell.level : undefined;
    if (!levelCell.ok) errors.push({ row, column: 'level', message: levelCell.message });
    let entityId = -1;
    let entityLevel: Level | undefined;
    const entityProblem = formulaNameProblem('entity', entityName);
    if (!entityName) bad('entity', 'entity is empty');
    else if (entityProblem) bad('entity', entityProblem);
    else {
      const r = resolver.resolveForCycle(entityName, year, level);
      if (r.ok) {
        entityId = r.entity.id;
        entityLevel = r.entity.level;
      } else bad('entity', r.message);
    }
    if (!unitName) bad('unit', 'unit is empty: name the service unit (e.g. Disdukcapil)');
    const unitProblem = formulaNameProblem('unit name', unitName);
    if (unitProblem) bad('unit', unitProblem);
    const indicator = indicators.get(code);
    if (!code) bad('indicator', 'indicator is empty');
    else if (!indicator) {
      bad(
        'indicator',
        `unknown indicator ${echo(code)} in ${input.edition} (see: patuh instrument show --cycle ${year})`,
      );
    } else {
      if (entityLevel && !appliesToLevel(indicator, entityLevel)) {
        bad('indicator', `${code} applies only to ${indicator.appliesTo?.join(', ')}, not to a ${entityLevel}`);
      }
      if (INTERVIEW_METHODS.has(indicator.method) && !respondent) {
        bad('respondent', `${code} is an interview item: name the respondent (e.g. R1)`);
      }
    }
    let value = -1;
    // the scale is the indicator's (the edition's), 0..max; an unknown indicator was reported above
    const max = indicator ? Math.max(...indicator.scale.map((l) => l.value)) : null;
    if (/^\d{1,3}$/.test(rawValue) && (max === null || Number(rawValue) <= max)) value = Number(rawValue);
    else if (!/^n\/?a$/i.test(rawValue)) {
      bad('value', `value ${echo(rawValue)} must be a whole number${max === null ? '' : ` from 0 to ${max}`}, or NA`);
    }
    // a vertical office (Polres, Lapas, …) names the province whose regional office assessed it
    const provinceName = cell(col.province);
    let provinceCode: string | null = null;
    if (provinceName) {
      const pr = resolver.resolveForCycle(provinceName, year, 'provinsi');
      if (pr.ok) provinceCode = pr.entity.provinceCode;
      else bad('province', pr.message);
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
      bad(undefined, `the same answer (unit, indicator, respondent) is already in row ${dup}`);
      continue;
    }
    seen.set(answerKey, row);
    let r = respondentIndex.get(respondent);
    if (r === undefined) {
      r = respondents.length;
      respondents.push(respondent);
      respondentIndex.set(respondent, r);
    }
    slotOfRow.push(slot);
    indicatorOfRow.push(codeIndex.get(code) as number);
    respondentOfRow.push(r);
    valueOfRow.push(value);
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);
  return {
    rows,
    slots,
    slotOfRow: Uint32Array.from(slotOfRow),
    indicatorOfRow: Uint16Array.from(indicatorOfRow),
    codes,
    respondentOfRow: Uint32Array.from(respondentOfRow),
    respondents,
    valueOfRow: Int16Array.from(valueOfRow),
    warnings: table.warnings,
  };
}
