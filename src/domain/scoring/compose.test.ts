import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBandScheme, parseInstrument, partsOf } from '../instrument/schema.ts';
import { bandFor } from './bands.ts';
import { composeScore } from './compose.ts';
import { opinionOf } from './opinion.ts';
import { rollupEntity } from './rollup.ts';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../../instruments/${p}`, import.meta.url), 'utf8'));
const edition = parseInstrument(read('editions/maladministrasi-2025.json'));
const scheme = parseBandScheme(read('bands/opini-2025.json'));
if (!edition.ok || !scheme.ok) throw new Error('the 2025 data does not parse');

describe('maladministrasi-2025 parts', () => {
  const parts = partsOf(edition.value);
  it('weighs the dimensions 70 and public trust 30', () => {
    expect(parts.map((p) => [p.code, p.weight, p.from])).toEqual([
      ['KUALITAS', 70, 'dimensions'],
      ['KEPERCAYAAN', 30, 'trust'],
    ]);
  });
  it('composes 0.7 × dimensions + 0.3 × trust', () => {
    const c = composeScore(parts, { dimensions: 80, trust: 90 });
    expect(c.score).toBeCloseTo(83, 10);
    expect(c.complete).toBe(true);
  });
  it('leaves a missing trust score out and says the result is incomplete', () => {
    const c = composeScore(parts, { dimensions: 80, trust: null });
    expect(c).toMatchObject({ score: 80, complete: false });
  });
  it('keeps the 2022 editions a single implicit part', () => {
    const e2022 = parseInstrument(read('editions/pemda-2022.json'));
    if (!e2022.ok) throw new Error('pemda-2022 does not parse');
    const c = composeScore(partsOf(e2022.value), { dimensions: 83.18, trust: 10 });
    expect(c.score).toBe(83.18);
    expect(c.parts).toHaveLength(1);
  });
  it('refuses parts without exactly one dimensions part', () => {
    const bad = { ...read('editions/maladministrasi-2025.json') };
    bad.parts = [{ code: 'KEPERCAYAAN', name: { id: 'x', en: 'x' }, weight: 30, from: 'trust' }];
    const r = parseInstrument(bad);
    expect(r.ok).toBe(false);
  });
  it('marks every dimension weight as inferred', () => {
    expect(edition.value.dimensions.every((d) => d.inferred === true && d.source)).toBe(true);
    expect(edition.value.verticalOffices?.rollup).toMatchObject({ rule: 'mean_over_units', inferred: true });
  });
});

describe('the opinion from 2025', () => {
  const s = scheme.value;
  const q = (granted: boolean) => ({ text: { id: 'Tanpa Maladministrasi', en: 'Without Maladministration' }, granted });
  it.each([
    [88, true, 'Kualitas Tertinggi Tanpa Maladministrasi', 'Baik', true],
    [88, false, 'Kualitas Tertinggi', 'Baik', true],
    [87.994, true, 'Kualitas Tinggi Tanpa Maladministrasi', 'Baik', false],
    [69.63, true, 'Kualitas Sedang Tanpa Maladministrasi', 'Cukup', false],
    [57.61, false, 'Kualitas Sedang', 'Cukup', false],
    [53.38, false, 'Kualitas Rendah', 'Kurang', false],
    [31.994, false, 'Kualitas Terendah', 'Sangat Kurang', false],
  ])('%d, qualifier %s → %s (%s), award %s', (score, granted, text, quality, award) => {
    const o = opinionOf(bandFor(s, score), q(granted));
    expect([o.text.id, o.quality?.id, o.award, o.withoutMaladministration]).toEqual([text, quality, award, granted]);
  });
  it('has no zones', () => {
    expect(bandFor(s, 95).zone).toBeNull();
  });
  it('up to 2024 the opinion is the band alone and the green zone is the award', () => {
    const s2022 = parseBandScheme(read('bands/categories-2022.json'));
    if (!s2022.ok) throw new Error('categories-2022 does not parse');
    const o = opinionOf(bandFor(s2022.value, 83.18), null);
    expect(o).toMatchObject({ text: { id: 'Kualitas Tinggi' }, withoutMaladministration: null, award: true });
  });
});

describe('vertical offices roll up into their parent', () => {
  const units = [
    { score: 90, complete: true, provinceCode: null },
    { score: 70, complete: true, provinceCode: '74' },
    { score: 80, complete: true, provinceCode: '74' },
    { score: 60, complete: true, provinceCode: '73' },
  ];
  it('by default as the mean over all units', () => {
    expect(rollupEntity(units).score).toBe(75);
  });
  it('or as the mean of the headquarters and each province', () => {
    expect(rollupEntity(units, 'mean_of_groups').score).toBe(75); // (90 + 75 + 60) / 3
    expect(rollupEntity(units.slice(0, 3), 'mean_of_groups').score).toBe(82.5); // (90 + 75) / 2
  });
});
