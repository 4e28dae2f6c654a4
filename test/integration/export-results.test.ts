/**
 * Open data of results: CSV (re-read with csv-parse), XLSX (re-read with exceljs) and
 * JSON carry exactly the numbers of cycleResults (what `patuh results --json` prints).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCycle } from '../../src/db/repos/cycles.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import {
  ENTITY_COLUMNS,
  entityRow,
  exportResults,
  unitColumns,
  unitRows,
} from '../../src/services/exports/results-export.ts';
import type { Cell, ColumnSpec, ExportFormat } from '../../src/services/exports/table-writer.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;
const dir = mkdtempSync(path.join(tmpdir(), 'patuh-export-'));

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'unit', 'score'],
      ['Kabupaten Bogor', 'Dinas Kesehatan', '90.10'],
      ['Kabupaten Bogor', 'Puskesmas Cibinong, Timur', '85.005'],
    ]),
    2022,
  );
});
afterAll(async () => t?.close());

/** The rows an export must hold, built independently of the writers: from cycleResults. */
async function expected(level: 'entity' | 'unit'): Promise<{ columns: ColumnSpec[]; rows: Cell[][] }> {
  const { cycle, results } = await cycleResults(t.ctx, 2022);
  const dims = cycle.instrument?.dimensions.map((d) => d.code) ?? [];
  if (level === 'entity') return { columns: [...ENTITY_COLUMNS], rows: results.map((r) => entityRow(cycle, r)) };
  return { columns: unitColumns(dims), rows: results.flatMap((r) => unitRows(cycle, r, dims)) };
}

async function exported(format: ExportFormat, level: 'entity' | 'unit'): Promise<string> {
  const file = path.join(dir, `${level}.${format}`);
  const report = await exportResults(t.ctx, 2022, file, { format, level });
  const { rows } = await expected(level);
  expect(report.rows).toBe(rows.length);
  return file;
}

describe.each(['entity', 'unit'] as const)('results at %s level', (level) => {
  it('has the rows and numbers of cycleResults, and sane content', async () => {
    const { columns, rows } = await expected(level);
    const { results } = await cycleResults(t.ctx, 2022);
    // the fixture: two synthetic entities from answers, one published with two units
    expect(results.map((r) => r.entity.name).sort()).toEqual(['Kabupaten Bogor', 'Kota Bekasi', 'Kota Kendari']);
    const bogor = results.find((r) => r.entity.name === 'Kabupaten Bogor');
    expect(bogor).toMatchObject({ score: 87.55, category: 'B', source: 'published' });
    expect(rows).toHaveLength(level === 'entity' ? 3 : 16);
    expect(columns.map((c) => c.key)).toContain(level === 'entity' ? 'score' : 'dim_PGD');
  });

  it('as CSV re-read with csv-parse', async () => {
    const { columns, rows } = await expected(level);
    const file = await exported('csv', level);
    const parsed: string[][] = parse(readFileSync(file));
    expect(parsed[0]).toEqual(columns.map((c) => c.key));
    const asText = (v: Cell, c: ColumnSpec | undefined) =>
      v === null ? '' : c?.type === 'score' && typeof v === 'number' ? v.toFixed(2) : String(v);
    expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((v, i) => asText(v, columns[i]))));
    // a name with a comma stays one field
    if (level === 'unit') expect(parsed.some((r) => r.includes('Puskesmas Cibinong, Timur'))).toBe(true);
  });

  it('as XLSX re-read with exceljs', async () => {
    const { columns, rows } = await expected(level);
    const file = await exported('xlsx', level);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe(`hasil-${level}-2022`);
    const values: Cell[][] = [];
    ws?.eachRow((row) => {
      const v = row.values as unknown[]; // 1-based
      values.push(columns.map((_, i) => (v[i + 1] ?? null) as Cell));
    });
    expect(values[0]).toEqual(columns.map((c) => c.key));
    expect(values.slice(1)).toEqual(rows);
    const scoreColumn = columns.findIndex((c) => c.type === 'score') + 1;
    expect(ws?.getColumn(scoreColumn).numFmt).toBe('0.00');
    expect(ws?.getRow(2).getCell(scoreColumn).numFmt).toBe('0.00');
  });

  it('as a JSON array of objects', async () => {
    const { columns, rows } = await expected(level);
    const file = await exported('json', level);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, Cell>>;
    expect(parsed).toEqual(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.key, r[i] ?? null]))));
  });
});

describe('results export', () => {
  it('agrees with patuh results --json on the entity scores', async () => {
    const file = await exported('csv', 'entity');
    const parsed: Array<Record<string, string>> = parse(readFileSync(file), { columns: true });
    const { results } = await cycleResults(t.ctx, 2022);
    expect(parsed.map((r) => [r.entity_code, Number(r.score), r.category, r.zone, Number(r.rank_level)])).toEqual(
      results.map((r) => [r.entity.code, r.score, r.category, r.zone, r.rank]),
    );
  });

  it('refuses a cycle that is not published', async () => {
    await insertCycle(t.ctx.db, {
      year: 2026,
      edition: 'pemda-2023',
      bandScheme: 'categories-2022',
      status: 'review',
      settings: {},
    });
    await expect(exportResults(t.ctx, 2026, path.join(dir, 'x.csv'), { format: 'csv' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/not published \(status review\)/),
    });
  });
});
