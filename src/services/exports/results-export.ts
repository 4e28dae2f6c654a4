/**
 * Open data: a published cycle's results at entity or unit level as CSV, XLSX or JSON.
 * Rows are exactly what cycleResults returns (the numbers of `patuh results --json`);
 * docs/open-data.md is the data dictionary of these columns.
 */

import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import type { CycleRef, LoadedCycle } from '../cycles.ts';
import { cycleResults, type EntityResultView } from '../results/results.ts';
import { type Cell, type ColumnSpec, type ExportFormat, openTableWriter } from './table-writer.ts';

export const RESULT_LEVELS = ['entity', 'unit'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

export const ENTITY_COLUMNS: readonly ColumnSpec[] = [
  { key: 'cycle', type: 'integer' },
  { key: 'band_scheme', type: 'string' },
  { key: 'entity_code', type: 'string' },
  { key: 'entity_name', type: 'string' },
  { key: 'level', type: 'string' },
  { key: 'province_code', type: 'string' },
  { key: 'province', type: 'string' },
  { key: 'score', type: 'score' },
  { key: 'category', type: 'string' },
  { key: 'opinion', type: 'string' },
  { key: 'zone', type: 'string' },
  { key: 'rank_level', type: 'integer' },
  { key: 'rank_province', type: 'integer' },
  { key: 'complete', type: 'boolean' },
  { key: 'source', type: 'string' },
  { key: 'units', type: 'integer' },
  { key: 'synthetic', type: 'boolean' },
];

export function entityRow(cycle: LoadedCycle, r: EntityResultView): Cell[] {
  return [
    cycle.year,
    cycle.bandScheme,
    r.entity.code,
    r.entity.name,
    r.entity.level,
    r.entity.provinceCode,
    r.entity.province,
    r.score,
    r.category,
    r.opinion,
    r.zone,
    r.rank,
    r.provinceRank,
    r.complete,
    r.source,
    r.units.length,
    r.synthetic,
  ];
}

/** The unit-level columns: one score column per dimension of the cycle's instrument (dim_IN, dim_PR, …). */
export function unitColumns(dimensions: readonly string[]): ColumnSpec[] {
  return [
    { key: 'cycle', type: 'integer' },
    { key: 'entity_code', type: 'string' },
    { key: 'entity_name', type: 'string' },
    { key: 'level', type: 'string' },
    { key: 'province_code', type: 'string' },
    { key: 'province', type: 'string' },
    { key: 'unit_id', type: 'integer' },
    { key: 'unit_name', type: 'string' },
    { key: 'unit_kind', type: 'string' },
    { key: 'unit_score', type: 'score' },
    { key: 'unit_complete', type: 'boolean' },
    ...dimensions.map((d): ColumnSpec => ({ key: `dim_${d}`, type: 'score' })),
    { key: 'entity_score', type: 'score' },
    { key: 'category', type: 'string' },
    { key: 'zone', type: 'string' },
    { key: 'source', type: 'string' },
    { key: 'synthetic', type: 'boolean' },
  ];
}

export function unitRows(cycle: LoadedCycle, r: EntityResultView, dimensions: readonly string[]): Cell[][] {
  return r.units.map((u) => [
    cycle.year,
    r.entity.code,
    r.entity.name,
    r.entity.level,
    r.entity.provinceCode,
    r.entity.province,
    u.id,
    u.name,
    u.kind,
    u.score,
    u.complete,
    ...dimensions.map((d) => u.dimensions.find((x) => x.code === d)?.score ?? null),
    r.score,
    r.category,
    r.zone,
    r.source,
    r.synthetic,
  ]);
}

/** Open data covers published cycles only: results not yet fixed by the decree are not public. */
export function requirePublished(cycle: LoadedCycle): void {
  if (cycle.status !== 'published') {
    throw new AppError(
      'CONFLICT',
      `the ${cycle.year} cycle is not published (status ${cycle.status}); open data covers published cycles only`,
    );
  }
}

export interface ExportOptions {
  format: ExportFormat;
  level?: ResultLevel;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  cycle: number;
  file: string;
  format: ExportFormat;
  level: ResultLevel;
  rows: number;
}

export async function exportResults(
  ctx: ServiceContext,
  year: CycleRef,
  file: string,
  opts: ExportOptions,
): Promise<ExportReport> {
  const level = opts.level ?? 'entity';
  const { cycle, results } = await cycleResults(ctx, year);
  requirePublished(cycle);
  const dimensions = cycle.instrument?.dimensions.map((d) => d.code) ?? [];
  const columns = level === 'entity' ? ENTITY_COLUMNS : unitColumns(dimensions);
  const total = level === 'entity' ? results.length : results.reduce((n, r) => n + r.units.length, 0);
  const writer = await openTableWriter(opts.format, file, columns, `hasil-${level}-${year}`);
  let rows = 0;
  opts.onProgress?.(0, total);
  for (const r of results) {
    for (const row of level === 'entity' ? [entityRow(cycle, r)] : unitRows(cycle, r, dimensions)) {
      await writer.write(row);
      rows += 1;
    }
    opts.onProgress?.(rows, total);
  }
  await writer.close();
  return { cycle: cycle.year, file, format: opts.format, level, rows };
}
