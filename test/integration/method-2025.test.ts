/**
 * A 2026 assessment on maladministrasi-2025 from import to the opinion (issue 9,
 * items 4–6): answers, public trust and the product register imported; the score
 * composed of its parts (dimensions 70, trust 30) checked to the hundredth against a
 * hand computation from this fixture; the opinion on both sides of "Tanpa
 * Maladministrasi"; withheld awards; vertical offices; the JSON and the PDFs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repos/audit.ts';
import { AppError } from '../../src/errors.ts';
import { presentResultCard } from '../../src/present/public.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { importProducts } from '../../src/services/imports/import-products.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { importTrust } from '../../src/services/imports/import-trust.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { publicResult } from '../../src/services/public/public-result.ts';
import { certificate, reportCard } from '../../src/services/reports/report-card.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { holdAward, releaseAward } from '../../src/services/supervision/award-holds.ts';
import { changeProduct, listSupervisionProducts } from '../../src/services/supervision/products.ts';
import { rankVerticalOffices } from '../../src/services/vertical-offices.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile, rawFile } from '../helpers/files.ts';
import { pdfFlatText } from '../helpers/pdf-text.ts';

let t: TestContext;
const printedAt = new Date('2027-01-29T00:00:00Z');

/** Every indicator of a dimension answered with the same value; interview items by respondent R1. */
function answers(entity: string, unit: string, perDimension: Record<string, number>, province = ''): string[][] {
  const edition = t.ctx.catalog.editions.get('maladministrasi-2025');
  if (!edition) throw new Error('maladministrasi-2025 is not installed');
  const rows: string[][] = [];
  for (const d of edition.dimensions)
    for (const v of d.variables)
      for (const i of v.indicators) {
        const respondent = i.method.endsWith('interview') ? 'R1' : '';
        rows.push([entity, unit, i.code, respondent, String(perDimension[d.code]), province]);
      }
  return rows;
}

const header = ['entity', 'unit', 'indicator', 'respondent', 'value', 'province'];

beforeAll(async () => {
  t = await createTestContext();
  await createCycle(t.ctx, SYSTEM, { year: 2026, edition: 'maladministrasi-2025', bandScheme: 'opini-2025' });
  await importAnswers(
    t.ctx,
    csvFile([
      header,
      ...answers('Kota Kendari', 'Dinas Kesehatan', { IN: 3, PR: 2, OU: 3, PE: 1 }),
      ...answers('Kota Kendari', 'Puskesmas Mandonga', { IN: 3, PR: 3, OU: 3, PE: 3 }),
      ...answers('Kota Bekasi', 'Dinas Sosial', { IN: 2, PR: 2, OU: 2, PE: 2 }),
      ...answers('Polri', 'Polres Kendari', { IN: 3, PR: 3, OU: 3, PE: 3 }, 'Sulawesi Tenggara'),
      ...answers('Polri', 'Polres Baubau', { IN: 2, PR: 2, OU: 2, PE: 2 }, 'Sulawesi Tenggara'),
      ...answers('Polri', 'Polres Bekasi Kota', { IN: 1, PR: 1, OU: 1, PE: 1 }, 'Jawa Barat'),
    ]),
    2026,
  );
  await importTrust(
    t.ctx,
    csvFile([
      ['entity', 'trust_score', 'perception'],
      ['Kota Kendari', '90', '85,5'],
      ['Kota Bekasi', '60', ''],
    ]),
    2026,
  );
  await importProducts(
    t.ctx,
    SYSTEM,
    csvFile([
      ['entity', 'kind', 'number', 'issued_on', 'due_on', 'status', 'evidence'],
      ['Kota Kendari', 'LAHP', 'LAHP-0012/ORI-SRA/II/2026', '2026-02-10', '2026-05-10', 'selesai', 'a'.repeat(64)],
      // due after the reference date (31 December 2026): does not count yet
      ['Kota Kendari', 'Rekomendasi', 'R-0003/2026', '15/11/2026', '15/02/2027', 'belum', ''],
      ['Kota Bekasi', 'Tindakan Korektif', 'LAHP-0031/ORI-JBR/III/2026', '2026-03-01', '2026-06-30', 'proses', ''],
    ]),
  );
});
afterAll(async () => t?.close());

describe('the 2026 assessment on maladministrasi-2025', () => {
  it('composes the score from the dimensions (70) and public trust (30), to the hundredth', async () => {
    const { results } = await cycleResults(t.ctx, 2026);
    const kendari = results.find((r) => r.entity.name === 'Kota Kendari');
    // Dinas Kesehatan: IN 100, PR 66.67, OU 100, PE 33.33, weighed 21.85/32.37/24.24/21.54:
    //   (21.85×100 + 32.37×200/3 + 24.24×100 + 21.54×100/3) / 100 = (2185 + 2158 + 2424 + 718) / 100 = 74.85
    // Puskesmas Mandonga: 100 everywhere. Dimensions part: (74.85 + 100) / 2 = 87.425
    // Composed: 0.7 × 87.425 + 0.3 × 90 = 61.1975 + 27 = 88.1975 → 88.20
    const dimensions = (2185 + (32.37 * 200) / 3 + 2424 + (21.54 * 100) / 3) / 100;
    expect(dimensions).toBeCloseTo(74.85, 9);
    expect(kendari?.score).toBe(88.2);
    expect(kendari?.parts).toEqual([
      expect.objectContaining({ code: 'KUALITAS', weight: 70, score: 87.43 }),
      expect.objectContaining({ code: 'KEPERCAYAAN', weight: 30, score: 90 }),
    ]);
    expect(kendari?.trust).toMatchObject({ trustScore: 90, perception: 85.5 });
    expect(kendari?.zone).toBeNull();
    expect(kendari?.complete).toBe(true);
    // Kota Bekasi: 66.67 everywhere; 0.7 × 200/3 + 0.3 × 60 = 46.667 + 18 = 64.67
    const bekasi = results.find((r) => r.entity.name === 'Kota Bekasi');
    expect(bekasi?.score).toBe(64.67);
  });

  it('gives the opinion on both sides of Tanpa Maladministrasi', async () => {
    const by = async (name: string) => (await cycleResults(t.ctx, 2026, { entity: name })).results[0];
    const kendari = await by('Kota Kendari');
    expect(kendari).toMatchObject({
      opinion: 'Kualitas Tertinggi Tanpa Maladministrasi',
      quality: { id: 'Baik' },
      qualifier: { granted: true, referenceDate: '2026-12-31', due: 1, outstanding: [] },
      award: { eligible: true, withheld: null },
    });
    const bekasi = await by('Kota Bekasi');
    expect(bekasi).toMatchObject({
      opinion: 'Kualitas Sedang',
      quality: { id: 'Cukup' },
      qualifier: { granted: false, due: 1, outstanding: [{ number: 'LAHP-0031/ORI-JBR/III/2026', status: 'proses' }] },
      award: { eligible: false },
    });
    // the corrective action is carried out: the qualifier is granted, the score stands
    const [lahp] = await listSupervisionProducts(t.ctx, SYSTEM, 'Kota Bekasi');
    if (!lahp) throw new Error('the product was not imported');
    await changeProduct(t.ctx, SYSTEM, lahp.id, {
      entity: 'Kota Bekasi',
      kind: lahp.kind,
      number: lahp.number,
      issuedOn: lahp.issuedOn,
      dueOn: lahp.dueOn,
      status: 'selesai',
      evidenceHashes: ['b'.repeat(64)],
    });
    const after = await by('Kota Bekasi');
    expect(after).toMatchObject({ score: 64.67, opinion: 'Kualitas Sedang Tanpa Maladministrasi' });
    expect(after?.award.eligible).toBe(false); // only Kualitas Tertinggi is an award
  });

  it('rolls vertical offices up into Polri as the mean over its units', async () => {
    const polri = (await cycleResults(t.ctx, 2026, { entity: 'Polri' })).results[0];
    // (100 + 66.67 + 33.33) / 3 = 66.67 for the dimensions; no trust score: left out, incomplete
    expect(polri?.parts.find((p) => p.code === 'KUALITAS')?.score).toBe(66.67);
    expect(polri?.score).toBe(66.67);
    expect(polri?.complete).toBe(false);
    expect(polri?.units.map((u) => u.provinceCode).sort()).toEqual(['32', '74', '74']);
  });

  it('lets a regional office rank the vertical offices of its own province only', async () => {
    const head = {
      ...SYSTEM,
      kind: 'user' as const,
      role: 'office_head' as const,
      officeProvinceCode: '74',
      userId: 1,
    };
    const { rows } = await rankVerticalOffices(t.ctx, head, 2026, '74');
    expect(rows.map((r) => [r.rank, r.unit.name, r.unit.kind, r.parent.code, r.score])).toEqual([
      [1, 'Polres Kendari', 'Polres', 'POLRI', 100],
      [2, 'Polres Baubau', 'Polres', 'POLRI', 66.67],
    ]);
    await expect(rankVerticalOffices(t.ctx, head, 2026, '32')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await rankVerticalOffices(t.ctx, SYSTEM, 2026, '32')).rows.map((r) => r.unit.name)).toEqual([
      'Polres Bekasi Kota',
    ]);
  });

  it('withholds the report card and certificate with a reason, the score standing, and releases them audited', async () => {
    await holdAward(
      t.ctx,
      SYSTEM,
      { year: 2026, entity: 'Kota Kendari' },
      'Rekomendasi R-0003/2026 belum dilaksanakan',
    );
    const held = (await cycleResults(t.ctx, 2026, { entity: 'Kota Kendari' })).results[0];
    expect(held).toMatchObject({
      score: 88.2,
      award: { eligible: true, withheld: { reason: expect.stringContaining('R-0003') } },
    });
    await expect(certificate(t.ctx, 2026, 'Kota Kendari', { printedAt })).rejects.toThrow(/ditahan/);
    const card = pdfFlatText((await reportCard(t.ctx, 2026, 'Kota Kendari', { printedAt })).pdf);
    expect(card).toContain('RAPOR DAN PIAGAM DITAHAN');
    expect(card).toContain('88,20');
    await releaseAward(t.ctx, SYSTEM, { year: 2026, entity: 'Kota Kendari' });
    const actions = (await listAudit(t.ctx.db, { limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['award.hold', 'award.release', 'import.trust', 'import.products']));
    const cert = pdfFlatText((await certificate(t.ctx, 2026, 'Kota Kendari', { printedAt })).pdf);
    expect(cert).toContain('Kualitas Tertinggi Tanpa Maladministrasi');
    expect(cert).toContain('NILAI 88,20');
  });

  it('prints the parts, the opinion and the qualifier on the report card', async () => {
    const card = pdfFlatText((await reportCard(t.ctx, 2026, 'Kota Bekasi', { printedAt })).pdf);
    expect(card).toContain('Kualitas Sedang Tanpa Maladministrasi');
    expect(card).toContain('Kualitas: Cukup');
    expect(card).toContain('Kualitas dan Kepatuhan (empat dimensi)');
    expect(card).toContain('Tingkat Kepercayaan Masyarakat');
    expect(card).toContain('Tanpa Maladministrasi: semua produk pengawasan');
  });

  it('says "ditahan" on the public card of a published cycle without hiding the score (2022: green zone)', async () => {
    const results = csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '83.18'],
    ]);
    await importResults(t.ctx, results, 2022);
    await holdAward(t.ctx, SYSTEM, { year: 2022, entity: 'Kota Bekasi' }, 'LAHP 2022 belum dilaksanakan');
    const card = presentResultCard(t.ctx, await publicResult(t.ctx, 2022, '32.75'));
    expect(card).toMatchObject({ score: 83.18, zone: 'hijau', award: { eligible: true, withheld: true } });
    await expect(certificate(t.ctx, 2022, 'Kota Bekasi', { printedAt })).rejects.toThrow(/ditahan/);
    await releaseAward(t.ctx, SYSTEM, { year: 2022, entity: 'Kota Bekasi' });
    const released = presentResultCard(t.ctx, await publicResult(t.ctx, 2022, '32.75'));
    expect(released.award).toEqual({ eligible: true, withheld: false });
  });

  it('gives a single unit its certificate by its own score', async () => {
    const c = await certificate(t.ctx, 2026, 'Kota Kendari', { printedAt, unit: 'Puskesmas Mandonga' });
    expect(c.model).toMatchObject({ unit: 'Puskesmas Mandonga', score: 100 });
    expect(pdfFlatText(c.pdf)).toContain('Puskesmas Mandonga');
    await expect(certificate(t.ctx, 2026, 'Kota Bekasi', { printedAt, unit: 'Dinas Sosial' })).rejects.toThrow(
      AppError,
    );
  });

  it('reads the register and trust from XLSX, date cells included, and refuses a bad register whole', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('produk');
    ws.addRow(['entity', 'kind', 'number', 'issued_on', 'due_on', 'status']);
    ws.addRow([
      'Kota Kendari',
      'Saran Penyempurnaan',
      'SP-1/2026',
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2026, 2, 31)),
      'selesai',
    ]);
    const report = await importProducts(
      t.ctx,
      SYSTEM,
      rawFile(Buffer.from(await wb.xlsx.writeBuffer()), 'produk.xlsx'),
    );
    expect(report.products).toBe(1);
    const sp = (await listSupervisionProducts(t.ctx, SYSTEM, 'Kota Kendari')).find((p) => p.number === 'SP-1/2026');
    expect(sp).toMatchObject({ kind: 'saran_penyempurnaan', issuedOn: '2026-01-05', dueOn: '2026-03-31' });
    const bad = csvFile([
      ['entity', 'kind', 'number', 'issued_on', 'due_on', 'status'],
      ['Kota Kendari', 'Teguran', 'T-1', '2026-01-01', '2026-02-01', 'belum'],
      ['Kota Kendari', 'LHA', 'LHA-2', '2026-03-01', '2026-02-01', 'selesai'],
      ['Kota Kendari', 'LHA', 'LHA-3', '2026-03-01', '2026-04-01', 'done'],
    ]);
    const err = (await importProducts(t.ctx, SYSTEM, bad).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('IMPORT_REJECTED');
    const rows = (err.details as { errors: Array<{ row: number; column?: string }> }).errors;
    expect(rows.map((e) => [e.row, e.column])).toEqual([
      [2, 'kind'],
      [3, 'due_on'],
      [4, 'status'],
    ]);
    expect((await listSupervisionProducts(t.ctx, SYSTEM, 'Kota Kendari')).some((p) => p.number === 'LHA-3')).toBe(
      false,
    );
  });

  it('refuses a trust file with bad rows whole, naming each row', async () => {
    const bad = csvFile([
      ['entity', 'trust_score'],
      ['Kota Kendari', '101'],
      ['Kota Entah', '50'],
    ]);
    const err = await importTrust(t.ctx, bad, 2026).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const rows = ((err as AppError).details as { errors: Array<{ row: number }> }).errors.map((e) => e.row);
    expect(rows).toEqual([2, 3]);
    expect((await cycleResults(t.ctx, 2026, { entity: 'Kota Kendari' })).results[0]?.trust?.trustScore).toBe(90);
  });
});
