/**
 * Report cards and certificates: the PDFs carry the numbers of cycleResults and
 * explainEntity (checked by extracting the text, test/helpers/pdf-text.ts).
 * Fixture: the synthetic 2022 demo (Kota Bekasi, Kota Kendari, from answers), a
 * published-only 2022 result for Kabupaten Bogor, and published 2021 results (zones).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore, toHundredths } from '../../src/domain/scoring/rounding.ts';
import { AppError } from '../../src/errors.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { generateReportCards } from '../../src/services/reports/batch.ts';
import { certificate, reportCard } from '../../src/services/reports/report-card.ts';
import { explainEntity } from '../../src/services/results/explain.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';
import { pdfFlatText } from '../helpers/pdf-text.ts';

let t: TestContext;
const printedAt = new Date('2022-12-15T00:00:00Z');
const flat = (s: string) => s.replace(/\s+/g, ' ');
const fmt = (v: number | null) => (v === null ? '–' : formatScore(v, 'id'));

beforeAll(async () => {
  t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kabupaten Bogor', '90.10'],
    ]),
    2022,
  );
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '75.50'],
      ['Kota Kendari', '52.10'],
      ['Kabupaten Bogor', '85'],
    ]),
    2021,
  );
});
afterAll(async () => t?.close());

describe('report card', () => {
  it('shows the score, bands, units, dimensions and findings of cycleResults and explainEntity', async () => {
    const x = await explainEntity(t.ctx, 2022, 'Kota Bekasi');
    const r = x.result;
    const card = await reportCard(t.ctx, 2022, 'Kota Bekasi', { printedAt });
    expect(card.fileName).toBe('32.75-kota-bekasi-rapor-2022.pdf');
    expect(card.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfFlatText(card.pdf);

    expect(text).toContain('OMBUDSMAN REPUBLIK INDONESIA');
    expect(text).toContain('Tahun Penilaian 2022');
    expect(text).toContain('Instansi Kota Bekasi Jenis instansi Pemerintah Kota Provinsi Jawa Barat');
    expect(text).toContain(`Nilai ${fmt(r.score)}`);
    expect(text).toContain(`Kategori ${r.category} — ${r.opinion}`);
    expect(text).toContain(`ZONA ${r.zone?.toUpperCase()}`);
    const kota = (await cycleResults(t.ctx, 2022)).results.filter((y) => y.entity.level === 'kota').length;
    expect(text).toContain(`Peringkat ${r.rank} dari ${kota} kota secara nasional`);
    expect(text).toContain('DATA SINTETIS — bukan hasil penilaian sebenarnya');

    // every unit row: name, score, then the dimension scores in instrument order
    const dims = x.instrument?.dimensions.map((d) => d.code) ?? [];
    expect(dims).toHaveLength(4);
    expect(r.units).toHaveLength(7);
    for (const u of r.units) {
      const cells = [
        u.name,
        fmt(u.score),
        ...dims.map((d) => fmt(u.dimensions.find((y) => y.code === d)?.score ?? null)),
      ];
      expect(text).toContain(cells.join(' '));
    }
    // the entity row: its score and the dimension means of the explanation
    const means = dims.map((d) => fmt(x.explanation?.dimensions.find((y) => y.code === d)?.score ?? null));
    expect(text).toContain(`Nilai instansi (rata-rata unit) ${fmt(r.score)} ${means.join(' ')}`);

    // findings: the five costliest indicators with their requirement
    const costliest = (x.explanation?.costliest ?? []).filter((c) => c.cost > 0).slice(0, 5);
    expect(card.model.findings.map((f) => f.indicator)).toEqual(costliest.map((c) => c.code));
    for (const c of costliest) {
      const indicator = x.instrument?.dimensions
        .flatMap((d) => d.variables.flatMap((v) => v.indicators))
        .find((i) => i.code === c.code);
      expect(text).toContain(flat(indicator?.text.id ?? '?'));
      expect(text).toContain(`${c.code} ·`);
      expect(text).toContain(`nilai indikator ${fmt(c.score)} · mengurangi ${fmt(c.cost)} poin`);
      expect(text).toContain(`Yang dipersyaratkan: ${flat(indicator?.requirement.id ?? '?')}`);
    }

    // comparison with 2021, which used the zone scheme
    const before = (await cycleResults(t.ctx, 2021, { entity: 'Kota Bekasi' })).results[0];
    expect(before?.score).toBe(75.5);
    const change = toHundredths(r.score) - toHundredths(75.5);
    const sign = change > 0 ? '+' : '-';
    expect(text).toContain('Perbandingan dengan 2021');
    expect(text).toContain(`2021 75,50 Kepatuhan Sedang, Zona Kuning`);
    expect(text).toContain(`Perubahan ${sign}${formatScore(Math.abs(change) / 100)}`);
    expect(text).toContain('skema pita yang berbeda');
  });

  it('is shorter for an entity known only by its published score', async () => {
    const card = await reportCard(t.ctx, 2022, 'Kabupaten Bogor', { printedAt });
    const text = pdfFlatText(card.pdf);
    expect(card.model.detailed).toBe(false);
    expect(text).toContain('Nilai 90,10');
    expect(text).toContain('Kategori A — Kualitas Tertinggi');
    expect(text).toContain('hanya dari nilai yang dipublikasikan');
    expect(text).not.toContain('Yang dipersyaratkan');
    expect(text).not.toContain('DATA SINTETIS');
    expect(text).toContain('Perubahan +5,10 naik 5,10 poin');
  });

  it('says it is a draft while the cycle is not published', async () => {
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'score'],
        ['Kota Bekasi', '70'],
      ]),
      2023,
    );
    await t.ctx.db.updateTable('cycles').set({ status: 'review' }).where('year', '=', 2023).execute();
    const text = pdfFlatText((await reportCard(t.ctx, 2023, 'Kota Bekasi', { printedAt })).pdf);
    expect(text).toContain('DRAF — hasil siklus ini belum ditetapkan dan dipublikasikan (tahap: verifikasi)');
    // the last published cycle before 2023 is 2022
    expect(text).toContain('Perbandingan dengan 2022');
    expect(pdfFlatText((await reportCard(t.ctx, 2022, 'Kota Bekasi', { printedAt })).pdf)).not.toContain('DRAF');
  });

  it('reports an unknown entity and an entity without a result', async () => {
    await expect(reportCard(t.ctx, 2022, 'Kota Atlantis')).rejects.toMatchObject({ code: 'UNKNOWN_ENTITY' });
    await expect(reportCard(t.ctx, 2022, 'Kota Medan')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('certificate', () => {
  it('is given to an entity in the green zone, with the cycle, category and opinion', async () => {
    const c = await certificate(t.ctx, 2022, 'Kota Bekasi', { printedAt });
    const r = (await cycleResults(t.ctx, 2022, { entity: 'Kota Bekasi' })).results[0];
    expect(r?.zone).toBe('hijau');
    const text = pdfFlatText(c.pdf);
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('diberikan kepada Kota Bekasi');
    expect(text).toContain('Tahun 2022');
    expect(text).toContain(`Kategori ${r?.category} — ${r?.opinion}`);
    expect(text).toContain(`ZONA HIJAU · NILAI ${fmt(r?.score ?? null)}`);
    expect(text).toContain('DATA SINTETIS');
  });

  it('in a zone-only cycle names the zone and the opinion', async () => {
    const text = pdfFlatText((await certificate(t.ctx, 2021, 'Kabupaten Bogor', { printedAt })).pdf);
    expect(text).toContain('Kepatuhan Tinggi — Zona Hijau');
    expect(text).toContain('NILAI 85,00');
  });

  it('is refused, with a reason, for an entity outside the green zone', async () => {
    const refused = await certificate(t.ctx, 2022, 'Kota Kendari').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'NOT_ELIGIBLE', status: 422 });
    expect((refused as AppError).message).toMatch(
      /Kota Kendari is in the kuning zone in 2022 \(category C, .*green zone/,
    );
    await expect(certificate(t.ctx, 2021, 'Kota Kendari')).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
  });
});

describe('batch', () => {
  it('writes a card for every result and a certificate for the green zone, on worker threads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patuh-cards-'));
    const seen: number[] = [];
    const report = await generateReportCards(t.ctx, 2022, dir, {
      certificates: true,
      workers: 2,
      printedAt,
      onProgress: (done) => seen.push(done),
    });
    const { results } = await cycleResults(t.ctx, 2022);
    const green = results.filter((r) => r.zone === 'hijau');
    expect(report).toMatchObject({ cards: results.length, certificates: green.length });
    expect(seen.at(-1)).toBe(results.length + green.length);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      [
        ...results.map((r) => `${r.entity.code}-${r.entity.name.toLowerCase().replaceAll(' ', '-')}-rapor-2022.pdf`),
        ...green.map((r) => `${r.entity.code}-${r.entity.name.toLowerCase().replaceAll(' ', '-')}-piagam-2022.pdf`),
      ].sort(),
    );
    for (const r of results) {
      const slug = r.entity.name.toLowerCase().replaceAll(' ', '-');
      const text = pdfFlatText(readFileSync(path.join(dir, `${r.entity.code}-${slug}-rapor-2022.pdf`)));
      expect(text).toContain(`Instansi ${r.entity.name}`);
      expect(text).toContain(`Nilai ${fmt(r.score)}`);
    }
  });
});
