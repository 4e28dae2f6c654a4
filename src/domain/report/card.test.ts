import { describe, expect, it } from 'vitest';
import type { BandScheme } from '../instrument/schema.ts';
import { explain } from '../scoring/explain.ts';
import { allCodes, testInstrument as inst } from '../scoring/fixtures.test-util.ts';
import { scoreUnit, tallyAnswers } from '../scoring/score.ts';
import { buildCardModel, type CardResult, compareWithPrevious, selectFindings } from './card.ts';
import { decideCertificate, qualifiesForCertificate } from './certificate.ts';
import { describeChange, entityFileBase, formatChange, slugify } from './format.ts';

const t = (s: string) => ({ id: s, en: s });
const categories: BandScheme = {
  scheme: 'categories-2022',
  name: t('Kategori'),
  bands: [
    { min: 78, category: 'B', opinion: t('Kualitas Tinggi'), zone: 'hijau' },
    { min: 0, category: 'C', opinion: t('Kualitas Sedang'), zone: 'kuning' },
  ],
};
const zones: BandScheme = {
  scheme: 'zones-2021',
  name: t('Zona'),
  bands: [{ min: 0, category: null, opinion: t('Kepatuhan Tinggi'), zone: 'hijau' }],
};

/** One unit: every indicator answered 3, except the given ones. */
function unit(low: Record<string, number>) {
  return scoreUnit(
    inst,
    'kota',
    tallyAnswers(allCodes.map((indicator) => ({ indicator, value: low[indicator] ?? 3 }))),
  );
}

const result: CardResult = {
  entity: { code: '32.75', name: 'Kota Bekasi', level: 'kota', province: 'Jawa Barat' },
  score: 83.18,
  category: 'B',
  opinionText: t('Kualitas Tinggi'),
  zone: 'hijau',
  award: { eligible: true, withheld: null },
  complete: true,
  rank: 1,
  provinceRank: 1,
  source: 'answers',
  synthetic: false,
  units: [],
};

describe('report card findings', () => {
  it('lists the costliest indicators with the text and requirement of the instrument, costliest first', () => {
    const x = explain(inst, [unit({ 'PR.STD.03': 0, 'IN.KOM.02': 1, 'OUT.MAL.01': 2 })]);
    const f = selectFindings(inst, x, 5);
    // cost = points lost × share: 100 × 32.37/100/11 = 2.94; 66.67 × 12.22/100/5 = 1.63; 33.33 × 24.24/100/5 = 1.62
    expect(f.map((i) => i.indicator)).toEqual(['PR.STD.03', 'IN.KOM.02', 'OUT.MAL.01']);
    expect(f[0]).toMatchObject({
      text: 'PR.STD 3',
      requirement: 'required',
      dimension: 'Proses',
      variable: 'Standar',
      score: 0,
    });
    const sum = f.reduce((s, i) => s + i.cost, 0);
    expect(sum).toBeCloseTo(x.lost ?? 0, 9); // nothing else cost a point
  });

  it('stops at the limit and leaves out indicators that cost nothing', () => {
    const x = explain(inst, [unit({ 'PR.STD.01': 0, 'PR.STD.02': 0, 'PR.STD.03': 0 })]);
    expect(selectFindings(inst, x, 2)).toHaveLength(2);
    expect(selectFindings(inst, explain(inst, [unit({})]), 5)).toEqual([]);
  });
});

describe('comparison with the previous cycle', () => {
  it('is the difference of the published scores, exact in hundredths', () => {
    const c = compareWithPrevious(
      { score: 83.18, bands: categories },
      { year: 2021, bands: categories, result: { score: 80.05, category: 'B', opinionText: t('x'), zone: 'hijau' } },
    );
    expect(c).toMatchObject({ year: 2021, changeHundredths: 313, schemeChanged: false });
    expect(formatChange(313)).toBe('+3,13');
    expect(formatChange(-2650)).toBe('-26,50');
    expect(formatChange(0)).toBe('0,00');
    expect(formatChange(-5)).toBe('-0,05');
    expect(describeChange(313)).toBe('naik 3,13 poin');
    expect(describeChange(-5)).toBe('turun 0,05 poin');
  });

  it('notes a change of band scheme', () => {
    const c = compareWithPrevious(
      { score: 83.18, bands: categories },
      { year: 2021, bands: zones, result: { score: 81, category: null, opinionText: t('x'), zone: 'hijau' } },
    );
    expect(c?.schemeChanged).toBe(true);
    expect(compareWithPrevious({ score: 1, bands: categories }, null)).toBeNull();
  });
});

describe('card model', () => {
  it('has dimensions and findings only when the result is explained by answers', () => {
    const u = unit({ 'PR.STD.03': 0 });
    const x = explain(inst, [u]);
    const input = { year: 2022, bands: categories, instrument: inst, explanation: x, levelCount: 98, previous: null };
    const m = buildCardModel({ ...input, result });
    expect(m.detailed).toBe(true);
    expect(m.dimensions.map((d) => d.code)).toEqual(['IN', 'PR', 'OUT', 'PGD']);
    expect(m.dimensions[1]?.score).toBe(x.dimensions[1]?.score);
    expect(m.findings[0]?.indicator).toBe('PR.STD.03');
    const short = buildCardModel({ ...input, explanation: null, result: { ...result, source: 'published' } });
    expect(short).toMatchObject({ detailed: false, dimensions: [], findings: [] });
  });
});

describe('certificate', () => {
  it('goes to an award band only, and not while withheld', () => {
    expect(qualifiesForCertificate({ award: { eligible: true } })).toBe(true);
    expect(qualifiesForCertificate({ award: { eligible: false } })).toBe(false);
    const held = decideCertificate(2026, {
      ...result,
      award: { eligible: true, withheld: { reason: 'LAHP 12', since: '' } },
    });
    expect(held).toMatchObject({ ok: false });
    expect(held.ok ? '' : held.reason).toContain('ditahan');
    expect(decideCertificate(2026, result, 'Dinas Kesehatan')).toMatchObject({
      ok: true,
      model: { unit: 'Dinas Kesehatan' },
    });
    expect(decideCertificate(2022, result)).toMatchObject({
      ok: true,
      model: { category: 'B', opinion: 'Kualitas Tinggi' },
    });
    const no = decideCertificate(2022, {
      ...result,
      zone: 'kuning',
      award: { eligible: false, withheld: null },
      category: 'C',
      opinionText: t('Kualitas Sedang'),
    });
    expect(no.ok).toBe(false);
    if (!no.ok) expect(no.reason).toMatch(/Kota Bekasi is in the kuning zone in 2022 \(category C, Kualitas Sedang\)/);
  });
});

describe('file names', () => {
  it('are the entity code and a slug of its name', () => {
    expect(slugify('Kota Bau-Bau')).toBe('kota-bau-bau');
    expect(slugify('Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional')).toBe(
      'kementerian-agraria-dan-tata-ruang-badan-pertanahan-nasional',
    );
    expect(entityFileBase({ code: '32.75', name: 'Kota Bekasi' })).toBe('32.75-kota-bekasi');
  });
});
