import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile, rawFile } from '../helpers/files.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('import published results', () => {
  it('keeps entity scores and bands them with the cycle scheme', async () => {
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'score'],
        ['Kota Bekasi', '83.18'],
        ['Kota Kendari', '58,99'],
        ['Provinsi Bali', '87.995'],
        ['BPOM', '31.995'],
        ['Kab. Bekasi', '77.994'],
      ]),
      2022,
    );
    const { results } = await cycleResults(t.ctx, 2022);
    const by = new Map(results.map((r) => [r.entity.name, r]));
    expect(by.get('Kota Bekasi')).toMatchObject({
      score: 83.18,
      category: 'B',
      opinion: 'Kualitas Tinggi',
      zone: 'hijau',
      units: [],
    });
    expect(by.get('Kota Kendari')).toMatchObject({ score: 58.99, category: 'C', zone: 'kuning' });
    expect(by.get('Provinsi Bali')).toMatchObject({ score: 88, category: 'A', opinion: 'Kualitas Tertinggi' });
    expect(by.get('Kabupaten Bekasi')).toMatchObject({ score: 77.99, category: 'C' });
    const bpom = results.find((r) => r.entity.code === 'BPOM');
    expect(bpom).toMatchObject({ score: 32, category: 'D', zone: 'merah' });
    // ranks are within level nationally
    expect(by.get('Kota Bekasi')?.rank).toBe(1);
    expect(by.get('Kota Kendari')?.rank).toBe(2);
    expect(by.get('Kabupaten Bekasi')?.rank).toBe(1);
  });

  it('takes the entity score as the mean of unit scores', async () => {
    const units = [
      ['Dinas Kesehatan', '85.40'],
      ['Disdukcapil', '90.12'],
      ['Puskesmas Karang Kitri', '77.01'],
      ['Dinas Pendidikan', '80.00'],
      ['Puskesmas Jatibening', '84.33'],
      ['Dinas Sosial', '79.50'],
      ['DPMPTSP', '85.90'],
    ];
    await importResults(
      t.ctx,
      csvFile([['entity', 'unit', 'score'], ...units.map(([u, s]) => ['Kota Bekasi', u as string, s as string])]),
      2023,
    );
    const { results } = await cycleResults(t.ctx, 2023, { entity: 'Kota Bekasi' });
    const mean = units.reduce((s, [, v]) => s + Number(v), 0) / units.length; // 83.18
    expect(results[0]?.score).toBe(Math.round(mean * 100) / 100);
    expect(results[0]?.units).toHaveLength(7);
    expect(results[0]?.units.map((u) => u.score)).toContain(90.12);
  });

  it('uses the zone scheme of 2021: no category', async () => {
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'score', 'level'],
        ['Bekasi', '80.995', 'kota'],
      ]),
      2021,
    );
    const { results } = await cycleResults(t.ctx, 2021);
    expect(results[0]).toMatchObject({ score: 81, category: null, zone: 'hijau', opinion: 'Kepatuhan Tinggi' });
  });

  it('rejects bad rows all at once and imports nothing', async () => {
    const before = (await cycleResults(t.ctx, 2024)).results.length;
    let error: unknown;
    try {
      await importResults(
        t.ctx,
        csvFile([
          ['entity', 'score'],
          ['Kota Bekasi', '101'],
          ['Kota Atlantis', '50'],
          ['Kota Kendari', 'abc'],
          ['Kota Kendari', '60'],
        ]),
        2024,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const rows = ((error as AppError).details as { errors: Array<{ row: number }> }).errors.map((e) => e.row);
    expect(rows).toEqual([2, 3, 4]);
    expect((await cycleResults(t.ctx, 2024)).results.length).toBe(before);
  });

  it('reads XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('hasil');
    ws.addRow(['Entity', 'Score']);
    ws.addRow(['Kota Kendari', 58.99]);
    const file = rawFile(Buffer.from(await wb.xlsx.writeBuffer()), 'results.xlsx');
    const report = await importResults(t.ctx, file, 2024);
    expect(report.entities).toBe(1);
    const { results } = await cycleResults(t.ctx, 2024, { entity: 'Kota Kendari' });
    expect(results[0]?.score).toBe(58.99);
  });

  it('keeps a published entity score beside its published units, and explains a hundredth as rounding', async () => {
    // Kabupaten Cianjur 2022 as published: seven units average 82.8243, the entity 82.83
    const units = ['85.12', '80.50', '83.33', '81.90', '84.77', '82.10', '82.05'];
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'unit', 'score'],
        ['Kabupaten Cianjur', '', '82.83'],
        ...units.map((s, i) => ['Kab. Cianjur', `Puskesmas ${i + 1}`, s]),
        ['Pemkab Bogor', 'Dinas Sosial', '70.00'],
        ['Pemkab Bogor', 'Disdukcapil', '71.00'],
        ['Pemkab Bogor', '', '72.50'],
      ]),
      2022,
    );
    const { results } = await cycleResults(t.ctx, 2022);
    const cianjur = results.find((r) => r.entity.name === 'Kabupaten Cianjur');
    expect(cianjur).toMatchObject({ score: 82.83, category: 'B', source: 'published' });
    expect(cianjur?.units).toHaveLength(7);
    expect(cianjur?.publishedUnits?.unitMean).toBeCloseTo(82.8243, 4);
    expect(cianjur?.publishedUnits).toMatchObject({ difference: 0.0057, withinRounding: true });
    const bogor = results.find((r) => r.entity.name === 'Kabupaten Bogor');
    expect(bogor).toMatchObject({
      score: 72.5,
      publishedUnits: { unitMean: 70.5, difference: 2, withinRounding: false },
    });
    // the entity-only results of the same cycle have no units to compare
    expect(results.find((r) => r.entity.name === 'Kota Bekasi')?.publishedUnits).toBeNull();
  });

  it('refuses a second entity score for one entity in a unit file, by row', async () => {
    const error = await importResults(
      t.ctx,
      csvFile([
        ['entity', 'unit', 'score'],
        ['Kota Kendari', '', '58.99'],
        ['Kota Kendari', 'Dinas Sosial', '60'],
        ['Kota Kendari', '', '59.00'],
      ]),
      2024,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      errors: [
        { row: 4, column: 'entity', message: 'the entity score (a row with an empty unit) is already in row 2' },
      ],
    });
  });
});
