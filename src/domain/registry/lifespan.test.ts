import { describe, expect, it } from 'vitest';
import { assessableIn, existedIn, existsIn, firstYears, predecessorsOf, successorsIn } from './lifespan.ts';
import type { RegistryEntity } from './names.ts';

const agency = (
  code: string,
  name: string,
  until: number | null = null,
  successors: string[] = [],
): RegistryEntity => ({
  code,
  name,
  level: 'kementerian',
  provinceCode: null,
  aliases: [],
  until,
  successors,
});

const REGISTRY = [
  agency('KEMENKUMHAM', 'Kementerian Hukum dan Hak Asasi Manusia', 2024, ['KEMENKUM', 'KEMENHAM', 'KEMENIMIPAS']),
  agency('KEMENKUM', 'Kementerian Hukum'),
  agency('KEMENHAM', 'Kementerian Hak Asasi Manusia'),
  agency('KEMENIMIPAS', 'Kementerian Imigrasi dan Pemasyarakatan'),
  agency('BKPM', 'Badan Koordinasi Penanaman Modal', 2021, ['KEMENINVES']),
  agency('KEMENINVES', 'Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal'),
  // a chain: A ended in 2020 into B, which ended in 2023 into C and D
  agency('A', 'Badan A', 2020, ['B']),
  agency('B', 'Badan B', 2023, ['C', 'D']),
  agency('C', 'Badan C'),
  agency('D', 'Badan D'),
];
const byCode = new Map(REGISTRY.map((e) => [e.code, e]));
const lookup = (code: string) => byCode.get(code);
const entity = (code: string) => byCode.get(code) as RegistryEntity;

describe('existsIn', () => {
  it('holds for every year when the entity has no end', () => {
    expect(existsIn(entity('KEMENKUM'), 1999)).toBe(true);
    expect(existsIn(entity('KEMENKUM'), 2100)).toBe(true);
  });

  it('holds up to and including the last year, not after', () => {
    expect(existsIn(entity('KEMENKUMHAM'), 2023)).toBe(true);
    expect(existsIn(entity('KEMENKUMHAM'), 2024)).toBe(true);
    expect(existsIn(entity('KEMENKUMHAM'), 2025)).toBe(false);
  });
});

describe('assessableIn', () => {
  it('allows the cycles up to the last year (published results of those years still import)', () => {
    expect(assessableIn(entity('KEMENKUMHAM'), 2023, lookup)).toEqual({ ok: true });
    expect(assessableIn(entity('KEMENKUMHAM'), 2024, lookup)).toEqual({ ok: true });
    expect(assessableIn(entity('BKPM'), 2021, lookup)).toEqual({ ok: true });
    expect(assessableIn(entity('KEMENKUM'), 2030, lookup)).toEqual({ ok: true });
  });

  it('refuses a later cycle, naming the year it ended and every successor', () => {
    const r = assessableIn(entity('KEMENKUMHAM'), 2025, lookup);
    expect(r).toEqual({
      ok: false,
      until: 2024,
      successors: [entity('KEMENKUM'), entity('KEMENHAM'), entity('KEMENIMIPAS')],
      message:
        'Kementerian Hukum dan Hak Asasi Manusia existed until 2024; for the 2025 cycle use one of its successors: ' +
        'Kementerian Hukum, Kementerian Hak Asasi Manusia, Kementerian Imigrasi dan Pemasyarakatan',
    });
  });

  it('says "its successor" when there is one', () => {
    const r = assessableIn(entity('BKPM'), 2022, lookup);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(
        'Badan Koordinasi Penanaman Modal existed until 2021; for the 2022 cycle use its successor: ' +
          'Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal',
      );
    }
  });

  it('still says what to do when no successor is known', () => {
    const r = assessableIn(entity('KEMENKUMHAM'), 2025, () => undefined);
    expect(r).toMatchObject({
      ok: false,
      successors: [],
      message: 'Kementerian Hukum dan Hak Asasi Manusia existed until 2024; it cannot be assessed in the 2025 cycle',
    });
  });
});

describe('successorsIn', () => {
  it('follows successors that ended too, to the bodies of that year', () => {
    expect(successorsIn(entity('A'), 2022, lookup).map((e) => e.code)).toEqual(['B']);
    expect(successorsIn(entity('A'), 2024, lookup).map((e) => e.code)).toEqual(['C', 'D']);
  });

  it('lists each body once and stops at a loop', () => {
    const loop = new Map([
      ['X', agency('X', 'X', 2020, ['Y', 'Z'])],
      ['Y', agency('Y', 'Y', 2021, ['X', 'Z'])],
      ['Z', agency('Z', 'Z')],
    ]);
    expect(successorsIn(loop.get('X') as RegistryEntity, 2025, (c) => loop.get(c)).map((e) => e.code)).toEqual(['Z']);
  });
});

describe('firstYears, existedIn and predecessorsOf', () => {
  const kumham = { code: 'KUMHAM', name: 'Kumham', until: 2024, successors: ['KUM', 'HAM'] };
  const older = { code: 'OLD', name: 'Old', until: 2019, successors: ['HAM'] };
  const kum = { code: 'KUM', name: 'Kum', until: null, successors: [] };
  const ham = { code: 'HAM', name: 'Ham', until: null, successors: [] };
  const first = firstYears([kumham, older, kum, ham]);

  it('starts a successor the year after its predecessor ended, the earliest when there are several', () => {
    expect(first.get('KUM')).toBe(2025);
    expect(first.get('HAM')).toBe(2020);
    expect(first.has('KUMHAM')).toBe(false);
  });

  it('knows which bodies existed in a year', () => {
    expect(existedIn(kum, 2024, first)).toBe(false);
    expect(existedIn(kum, 2025, first)).toBe(true);
    expect(existedIn(kumham, 2024, first)).toBe(true);
    expect(existedIn(kumham, 2025, first)).toBe(false);
  });

  it('finds the bodies a successor took over from', () => {
    expect(predecessorsOf(ham, [kumham, older, kum, ham]).map((e) => e.code)).toEqual(['KUMHAM', 'OLD']);
  });
});
