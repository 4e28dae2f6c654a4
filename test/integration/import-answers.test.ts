import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/domain/instrument/schema.ts';
import { AppError } from '../../src/errors.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile, rawFile } from '../helpers/files.ts';
import { oracleEntityScore, oracleRound, type RawAnswer } from '../helpers/oracle.ts';

let t: TestContext;
let inst: Instrument;
beforeAll(async () => {
  t = await createTestContext();
  inst = t.ctx.catalog.editions.get('pemda-2022') as Instrument;
});
afterAll(async () => t?.close());

const HEADER = ['entity', 'unit', 'indicator', 'respondent', 'value'];
const codes = () => inst.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));

/** A deterministic pseudo-random answer file for one entity. */
function answerRows(entity: string, units: string[], seed: number): { rows: string[][]; raw: RawAnswer[] } {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const rows: string[][] = [];
  const raw: RawAnswer[] = [];
  for (const unit of units) {
    for (const i of codes()) {
      const n = i.respondents === 'cycle' ? 5 : i.respondents;
      for (let r = 1; r <= n; r++) {
        const x = next();
        const value = x < 0.05 ? null : Math.floor(next() * 4);
        const respondent = i.method === 'observation' || i.method === 'document_check' ? '' : `R${r}`;
        if (i.method === 'observation' || i.method === 'document_check') {
          if (r > 1) continue;
        }
        rows.push([entity, unit, i.code, respondent, value === null ? 'NA' : String(value)]);
        raw.push({ unit, indicator: i.code, value });
      }
    }
  }
  return { rows, raw };
}

async function counts() {
  const r = await sql<{ a: number; u: number; c: number }>`select
    (select count(*)::int from answers) as a, (select count(*)::int from units) as u,
    (select count(*)::int from computed_entity_results) as c`.execute(t.ctx.db);
  return r.rows[0];
}

async function rejected(file: string): Promise<AppError> {
  try {
    await importAnswers(t.ctx, file, 2022);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the import was accepted');
}

describe('import answers', () => {
  it('scores an imported entity exactly as the method says, to the hundredth', async () => {
    const { rows, raw } = answerRows('Kota Bekasi', ['Dinas Sosial', 'DPMPTSP', 'Puskesmas Jatibening'], 7);
    const report = await importAnswers(t.ctx, csvFile([HEADER, ...rows]), 2022);
    expect(report).toMatchObject({ entities: 1, units: 3, unitsCreated: 3, answers: rows.length });
    const { results } = await cycleResults(t.ctx, 2022, { entity: 'KOTA BEKASI' });
    expect(results).toHaveLength(1);
    expect(results[0]?.score).toBe(oracleRound(oracleEntityScore(inst, raw)));
    expect(results[0]?.units.map((u) => u.name).sort()).toEqual(['DPMPTSP', 'Dinas Sosial', 'Puskesmas Jatibening']);
  });

  it('replaces answers imported again instead of duplicating them', async () => {
    const { rows } = answerRows('Kota Kendari', ['Dinas Sosial'], 11);
    const file = csvFile([HEADER, ...rows]);
    await importAnswers(t.ctx, file, 2022);
    const before = await counts();
    const again = await importAnswers(t.ctx, file, 2022);
    expect(again.unitsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    // a changed value replaces the old one and the result follows
    const changed = rows.map((r) => (r[2] === 'PR.STD.01' ? [...r.slice(0, 4), '3'] : r));
    await importAnswers(t.ctx, csvFile([HEADER, ...changed]), 2022);
    expect(await counts()).toEqual(before);
    const v = await sql<{ value: number }>`select value from answers a join units u on u.id = a.unit_id
      where u.name = 'Dinas Sosial' and a.indicator = 'PR.STD.01' and u.entity_id = (select id from entities where code = '74.71')`.execute(
      t.ctx.db,
    );
    expect(v.rows[0]?.value).toBe(3);
  });

  it('matches units by name regardless of case and spacing', async () => {
    const rows = [HEADER, ['Kota Kendari', '  dinas   SOSIAL ', 'PR.STD.02', '', '2']];
    const report = await importAnswers(t.ctx, csvFile(rows), 2022);
    expect(report.unitsCreated).toBe(0);
  });

  it('rejects every bad row at once and changes nothing', async () => {
    const before = await counts();
    const file = csvFile([
      HEADER,
      ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.01', '', '2'],
      ['Kota Bekasi', 'Dinas Sosial', 'XX.YYY.99', '', '2'],
      ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.02', '', '7'],
      ['Kota Atlantis', 'Dinas Sosial', 'PR.STD.03', '', '1'],
      ['Bekasi', 'Dinas Sosial', 'PR.STD.04', '', '1'],
      ['Kota Bekasi', '', 'PR.STD.05', '', '1'],
      ['Kota Bekasi', 'Dinas Sosial', 'IN.KOM.01', '', '1'],
      ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.01', '', '3'],
    ]);
    const e = await rejected(file);
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.exitCode).toBe(2);
    const errors = (e.details as { errors: Array<{ row: number; column?: string; message: string }> }).errors;
    expect(errors.map((x) => [x.row, x.column])).toEqual([
      [3, 'indicator'],
      [4, 'value'],
      [5, 'entity'],
      [6, 'entity'],
      [7, 'unit'],
      [8, 'respondent'],
      [9, undefined],
    ]);
    expect(errors[2]?.message).toMatch(/unknown entity "Kota Atlantis"/);
    expect(errors[3]?.message).toMatch(/Kota Bekasi.*Kabupaten Bekasi|Kabupaten Bekasi.*Kota Bekasi/);
    expect(errors[6]?.message).toMatch(/row 2/);
    // the scale is the indicator's, from the edition: 0..3 in pemda-2022
    expect(errors[1]?.message).toBe('value "7" must be a whole number from 0 to 3, or NA');
    expect(await counts()).toEqual(before);
  });

  it('names a missing column', async () => {
    const e = await rejected(
      csvFile([
        ['entity', 'unit', 'indicator', 'value'],
        ['Kota Bekasi', 'X', 'PR.STD.01', '1'],
      ]),
    );
    expect(e.message).toMatch(/missing column respondent/);
  });

  it('rejects a broken XLSX', async () => {
    const e = await rejected(rawFile('this is not a zip file', 'answers.xlsx'));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.message).toMatch(/not a readable XLSX/);
  });

  it('refuses answers for a cycle known only by published results', async () => {
    await expect(
      importAnswers(t.ctx, csvFile([HEADER, ['Kota Bekasi', 'X', 'PR.STD.01', '', '1']]), 2021),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('accepts a semicolon-separated file (as Indonesian Excel saves CSV)', async () => {
    const file = rawFile(
      'entity;unit;indicator;respondent;value\nKota Kendari;Dinas Sosial;PR.STD.03;;NA\n',
      'semi.csv',
    );
    const report = await importAnswers(t.ctx, file, 2022);
    expect(report.answers).toBe(1);
  });
});
