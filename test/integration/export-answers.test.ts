/**
 * Open data of answers: every answer of the cycle, once, with its entity, unit,
 * indicator, respondent and value; the database's COPY (PostgreSQL stream or PGlite
 * blobs) and the paged fallback write the same rows.
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_COLUMNS, copyAnswersCsv } from '../../src/db/repos/open-data.ts';
import { loadCycle } from '../../src/services/cycles.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { exportAnswers } from '../../src/services/exports/answers-export.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;
const dir = mkdtempSync(path.join(tmpdir(), 'patuh-answers-'));

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  // awkward texts: a unit name with a comma and quotes, a respondent key with a comma, NA
  await importAnswers(
    t.ctx,
    csvFile([
      ['entity', 'unit', 'indicator', 'respondent', 'value'],
      ['Kabupaten Bogor', 'Puskesmas "Sehat", Cibinong', 'IN.KOM.01', 'R1, pagi', '2'],
      ['Kabupaten Bogor', 'Puskesmas "Sehat", Cibinong', 'IN.KOM.01', 'R2', 'NA'],
      ['Kabupaten Bogor', 'Puskesmas "Sehat", Cibinong', 'PR.STD.01', '', '3'],
    ]),
    2022,
  );
});
afterAll(async () => t?.close());

async function stored(): Promise<string[][]> {
  const cycle = await loadCycle(t.ctx, 2022);
  const r = await sql<{ line: string[] }>`
    select array[e.code, e.name, u.name, a.indicator, a.respondent, coalesce(a.value::text, 'NA'), u.synthetic::text] as line
    from answers a join units u on u.id = a.unit_id join entities e on e.id = u.entity_id
    where a.cycle_id = ${cycle.id}`.execute(t.ctx.db);
  return r.rows.map((x) => ['2022', ...x.line]);
}

const sorted = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe('answers export', () => {
  it('writes every answer once with entity, unit, indicator, respondent and value', async () => {
    const file = path.join(dir, 'answers.csv');
    const progress: number[] = [];
    const report = await exportAnswers(t.ctx, 2022, file, { onProgress: (done) => progress.push(done) });
    expect(report.method).toBe(t.kind === 'postgres' ? 'postgres-copy' : 'pglite-copy');
    const rows: string[][] = parse(readFileSync(file));
    expect(rows[0]).toEqual([...ANSWER_COLUMNS]);
    const expectedRows = await stored();
    expect(report.rows).toBe(expectedRows.length);
    expect(progress.at(-1)).toBe(expectedRows.length);
    expect(sorted(rows.slice(1))).toEqual(sorted(expectedRows));
    // the awkward ones survive a round trip through a CSV reader
    expect(rows).toContainEqual([
      '2022',
      '32.01',
      'Kabupaten Bogor',
      'Puskesmas "Sehat", Cibinong',
      'IN.KOM.01',
      'R1, pagi',
      '2',
      'false',
    ]);
    expect(rows).toContainEqual([
      '2022',
      '32.01',
      'Kabupaten Bogor',
      'Puskesmas "Sehat", Cibinong',
      'IN.KOM.01',
      'R2',
      'NA',
      'false',
    ]);
    expect(rows).toContainEqual([
      '2022',
      '32.01',
      'Kabupaten Bogor',
      'Puskesmas "Sehat", Cibinong',
      'PR.STD.01',
      '',
      '3',
      'false',
    ]);
    // the demo's answers are synthetic, the imported ones are not
    const body = rows.slice(1);
    expect(body.filter((r) => r[7] === 'true')).toEqual(body.filter((r) => r[1] !== '32.01'));
    expect(body.filter((r) => r[7] === 'true').length).toBeGreaterThan(900);
  });

  it('writes the same bytes from the paged fallback (inside a transaction) as from COPY', async () => {
    const cycle = await loadCycle(t.ctx, 2022);
    const a = path.join(dir, 'copy.csv');
    const b = path.join(dir, 'paged.csv');
    await copyAnswersCsv(t.ctx.db, t.ctx.runtime.driver, cycle.id, createWriteStream(a));
    const paged = await t.ctx.db
      .transaction()
      .execute((tx) => copyAnswersCsv(tx, undefined, cycle.id, createWriteStream(b)));
    expect(paged.method).toBe('paged-select');
    const lines = (f: string) => readFileSync(f, 'utf8').split('\n');
    const [ha, ...ra] = lines(a);
    const [hb, ...rb] = lines(b);
    expect(hb).toBe(ha);
    expect(rb.sort()).toEqual(ra.sort());
  });

  it('accepts only CSV and only published cycles', async () => {
    await expect(exportAnswers(t.ctx, 2022, path.join(dir, 'x.xlsx'), { format: 'xlsx' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await t.ctx.db.updateTable('cycles').set({ status: 'final' }).where('year', '=', 2023).execute();
    await expect(exportAnswers(t.ctx, 2023, path.join(dir, 'y.csv'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
