/**
 * The shipped instrument data: every edition and band scheme in instruments/ parses,
 * and the figures METHODOLOGY.md fixes (counts, weights, band minimums) are pinned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BandScheme, type Instrument, parseBandScheme, parseInstrument } from '../src/domain/instrument/schema.ts';

const root = join(import.meta.dirname, '..', 'instruments');

function jsonFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function read(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(root, dir, file), 'utf8'));
}

function edition(name: string): Instrument {
  const parsed = parseInstrument(read('editions', `${name}.json`));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

function scheme(name: string): BandScheme {
  const parsed = parseBandScheme(read('bands', `${name}.json`));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** indicator count per "DIM.VAR", in file order */
function counts(inst: Instrument): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of inst.dimensions) for (const v of d.variables) out[`${d.code}.${v.code}`] = v.indicators.length;
  return out;
}

function codes(inst: Instrument): string[] {
  return inst.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('instrument files', () => {
  const editions = jsonFiles('editions');
  const bands = jsonFiles('bands');

  it('finds the shipped editions and band schemes', () => {
    expect(editions).toEqual(expect.arrayContaining(['pemda-2022.json', 'pemda-2023.json']));
    expect(bands).toEqual(expect.arrayContaining(['zones-2021.json', 'categories-2022.json']));
  });

  it.each(editions)('editions/%s parses', (file) => {
    const parsed = parseInstrument(read('editions', file));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && `${parsed.value.edition}.json`).toBe(file);
  });

  it.each(bands)('bands/%s parses', (file) => {
    const parsed = parseBandScheme(read('bands', file));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && `${parsed.value.scheme}.json`).toBe(file);
  });
});

describe('pemda-2022 and pemda-2023', () => {
  const e2022 = edition('pemda-2022');
  const e2023 = edition('pemda-2023');

  it('2022 has 5, 8, 11, 5, 5 indicators per variable', () => {
    expect(counts(e2022)).toEqual({ 'IN.KOM': 5, 'IN.SAR': 8, 'PR.STD': 11, 'OUT.MAL': 5, 'PGD.ADU': 5 });
  });

  it('2023 has 6, 9, 11, 6, 5 indicators per variable', () => {
    expect(counts(e2023)).toEqual({ 'IN.KOM': 6, 'IN.SAR': 9, 'PR.STD': 11, 'OUT.MAL': 6, 'PGD.ADU': 5 });
  });

  it.each([
    ['pemda-2022', e2022],
    ['pemda-2023', e2023],
  ] as const)('%s: dimension weights are 21.85, 32.37, 24.24, 21.54 and sum to 100', (_name, inst) => {
    expect(inst.dimensions.map((d) => [d.code, d.weight])).toEqual([
      ['IN', 21.85],
      ['PR', 32.37],
      ['OUT', 24.24],
      ['PGD', 21.54],
    ]);
    expect(round2(inst.dimensions.reduce((s, d) => s + d.weight, 0))).toBe(100);
  });

  it.each([
    ['pemda-2022', e2022],
    ['pemda-2023', e2023],
  ] as const)('%s: Input splits 12.22 competence + 9.63 facilities', (_name, inst) => {
    const input = inst.dimensions.find((d) => d.code === 'IN');
    expect(input?.variables.map((v) => [v.code, v.weight])).toEqual([
      ['KOM', 12.22],
      ['SAR', 9.63],
    ]);
    expect(round2((input?.variables ?? []).reduce((s, v) => s + v.weight, 0))).toBe(input?.weight);
  });

  it.each([
    ['pemda-2022', e2022],
    ['pemda-2023', e2023],
  ] as const)('%s: indicator codes are unique and numbered 01.. within each variable', (_name, inst) => {
    const all = codes(inst);
    expect(new Set(all).size).toBe(all.length);
    for (const d of inst.dimensions) {
      for (const v of d.variables) {
        expect(v.indicators.map((i) => i.code)).toEqual(
          v.indicators.map((_, n) => `${d.code}.${v.code}.${String(n + 1).padStart(2, '0')}`),
        );
      }
    }
  });

  it('2023 is 2022 plus IN.KOM.06, IN.SAR.09 and OUT.MAL.06', () => {
    const added = codes(e2023).filter((c) => !codes(e2022).includes(c));
    expect(added).toEqual(['IN.KOM.06', 'IN.SAR.09', 'OUT.MAL.06']);
    expect(codes(e2022).every((c) => codes(e2023).includes(c))).toBe(true);
  });

  it('OUT.MAL.06 (IKM) applies to kementerian and lembaga only; no 2022 item is restricted', () => {
    const ikm = e2023.dimensions
      .flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .find((i) => i.code === 'OUT.MAL.06');
    expect([...(ikm?.appliesTo ?? [])].sort()).toEqual(['kementerian', 'lembaga']);
    const restricted2023 = e2023.dimensions
      .flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .filter((i) => i.appliesTo !== undefined)
      .map((i) => i.code);
    expect(restricted2023).toEqual(['OUT.MAL.06']);
    const restricted2022 = e2022.dimensions
      .flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .filter((i) => i.appliesTo !== undefined);
    expect(restricted2022).toEqual([]);
  });

  it('carries the cycle defaults: service users per unit and the Pemda unit sample', () => {
    expect([e2022.year, e2022.serviceUsersPerUnit]).toEqual([2022, 5]);
    expect([e2023.year, e2023.serviceUsersPerUnit]).toEqual([2023, 30]);
    for (const inst of [e2022, e2023]) {
      expect(inst.sampling.productsPerUnit).toBe(2);
      expect(inst.sampling.unitKinds.reduce((s, k) => s + k.count, 0)).toBe(7);
    }
  });
});

describe('band schemes', () => {
  it('zones-2021: hijau 81, kuning 51, merah 0, no categories', () => {
    const s = scheme('zones-2021');
    expect(s.bands.map((b) => [b.min, b.category, b.zone, b.opinion.id])).toEqual([
      [81, null, 'hijau', 'Kepatuhan Tinggi'],
      [51, null, 'kuning', 'Kepatuhan Sedang'],
      [0, null, 'merah', 'Kepatuhan Rendah'],
    ]);
  });

  it('categories-2022: A 88, B 78, C 54, D 32, E 0', () => {
    const s = scheme('categories-2022');
    expect(s.bands.map((b) => [b.category, b.min, b.zone, b.opinion.id])).toEqual([
      ['A', 88, 'hijau', 'Kualitas Tertinggi'],
      ['B', 78, 'hijau', 'Kualitas Tinggi'],
      ['C', 54, 'kuning', 'Kualitas Sedang'],
      ['D', 32, 'merah', 'Kualitas Rendah'],
      ['E', 0, 'merah', 'Kualitas Terendah'],
    ]);
  });
});
