/**
 * Checks every row of a published-results file (entity,score or entity,unit,score,
 * optional level) and resolves its names, on the import's worker thread
 * (import-worker.ts); throws IMPORT_REJECTED with the bad rows.
 */
import type { ImportLimits } from '../../config.ts';
import type { EntityRow } from '../../db/repos/entities.ts';
import { unitKey } from '../../db/repos/units.ts';
import { echo, formulaNameProblem } from '../../domain/text/cells.ts';
import { buildResolver } from '../registry/registry.ts';
import { readLevelCell } from './level-cell.ts';
import { RowErrors, rejectRows } from './row-errors.ts';
import type { ProgressFn } from './table.ts';
import { mapColumns, openTable } from './table-reader.ts';

export interface ResultsInput {
  file: string;
  year: number;
  limits: ImportLimits;
  entities: EntityRow[];
}

export interface ResultRows {
  rows: number;
  unitLevel: boolean;
  entityScores: Map<number, { score: number; row: number }>;
  unitScores: Map<number, Map<string, { name: string; score: number; row: number }>>;
  warnings: string[];
}

/** Accepts 83.18 and the Indonesian 83,18. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

export async function validateResults(input: ResultsInput, onProgress?: ProgressFn): Promise<ResultRows> {
  const { file, year } = input;
  const resolver = buildResolver(input.entities);
  const table = await openTable(file, onProgress, input.limits);
  const col = mapColumns(table.header, ['entity', 'score'] as const, ['unit', 'level'] as const);
  const unitLevel = col.unit >= 0;

  const errors = new RowErrors();
  const entityScores: ResultRows['entityScores'] = new Map();
  const unitScores: ResultRows['unitScores'] = new Map();
  let rows = 0;
  for await (const { row, cells } of table.rows) {
    rows += 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const before = errors.length;
    const bad = (column: string, message: string) => errors.push({ row, column, message });
    const levelText = cell(col.level).toLowerCase();
    const levelCell = readLevelCell(levelText);
    const level = levelCell.ok ? levelCell.level : undefined;
    if (!levelCell.ok) errors.push({ row, column: 'level', message: levelCell.message });
    const name = cell(col.entity);
    let entityId = -1;
    const entityProblem = formulaNameProblem('entity', name);
    if (!name) bad('entity', 'entity is empty');
    else if (entityProblem) bad('entity', entityProblem);
    else {
      const r = resolver.resolveForCycle(name, year, level);
      if (r.ok) entityId = r.entity.id;
      else bad('entity', r.message);
    }
    const scoreText = cell(col.score);
    const score = parseScore(scoreText);
    if (score === null) bad('score', `score ${echo(scoreText)} must be a number from 0 to 100`);
    const unitName = cell(col.unit).replace(/\s+/g, ' ');
    const unitProblem = formulaNameProblem('unit name', unitName);
    if (unitProblem) bad('unit', unitProblem);
    if (errors.length > before || score === null) continue;

    if (unitLevel && unitName) {
      const units = unitScores.get(entityId) ?? new Map();
      const dup = units.get(unitKey(unitName));
      if (dup) {
        bad('unit', `unit ${echo(unitName)} of this entity is already in row ${dup.row}`);
        continue;
      }
      units.set(unitKey(unitName), { name: unitName, score, row });
      unitScores.set(entityId, units);
    } else {
      const dup = entityScores.get(entityId);
      if (dup) {
        const what = unitLevel ? 'the entity score (a row with an empty unit)' : 'this entity';
        bad('entity', `${what} is already in row ${dup.row}`);
        continue;
      }
      entityScores.set(entityId, { score, row });
    }
  }
  if (rows === 0) errors.push({ row: 1, message: 'the file has a header but no rows' });
  if (errors.length > 0) throw rejectRows(file, errors);
  return { rows, unitLevel, entityScores, unitScores, warnings: table.warnings };
}
