import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../instrument/schema.ts';
import {
  buildNameIndex,
  formatCandidates,
  normalizeName,
  type RegistryEntity,
  type Resolution,
  resolveEntity,
} from './names.ts';

const region = (
  code: string,
  name: string,
  level: RegistryEntity['level'],
  aliases: string[] = [],
): RegistryEntity => ({
  code,
  name,
  level,
  provinceCode: code.slice(0, 2),
  aliases,
  until: null,
  successors: [],
});

const agency = (code: string, name: string, level: 'kementerian' | 'lembaga', aliases: string[]): RegistryEntity => ({
  code,
  name,
  level,
  provinceCode: null,
  aliases,
  until: null,
  successors: [],
});

/** A small registry with the shapes that matter: shared bare names, Jakarta's long names, agencies. */
const ENTITIES: RegistryEntity[] = [
  region('31', 'Provinsi Daerah Khusus Ibukota Jakarta', 'provinsi', [
    'Daerah Khusus Ibukota Jakarta',
    'DKI Jakarta',
    'Jakarta',
  ]),
  region('32', 'Provinsi Jawa Barat', 'provinsi', ['Jawa Barat', 'Jabar']),
  region('51', 'Provinsi Bali', 'provinsi', ['Bali']),
  region('74', 'Provinsi Sulawesi Tenggara', 'provinsi', ['Sulawesi Tenggara', 'Sultra']),
  region('75', 'Provinsi Gorontalo', 'provinsi', ['Gorontalo']),
  region('31.01', 'Kabupaten Administrasi Kepulauan Seribu', 'kabupaten'),
  region('31.71', 'Kota Administrasi Jakarta Pusat', 'kota'),
  region('32.16', 'Kabupaten Bekasi', 'kabupaten'),
  region('32.75', 'Kota Bekasi', 'kota'),
  region('51.03', 'Kabupaten Badung', 'kabupaten'),
  region('72.04', 'Kabupaten Toli-Toli', 'kabupaten'),
  region('74.71', 'Kota Kendari', 'kota'),
  region('74.72', 'Kota Bau Bau', 'kota'),
  region('75.01', 'Kabupaten Gorontalo', 'kabupaten'),
  region('75.71', 'Kota Gorontalo', 'kota'),
  agency('KEMENDAGRI', 'Kementerian Dalam Negeri', 'kementerian', ['Kemendagri', 'Depdagri']),
  agency('KEMENKES', 'Kementerian Kesehatan', 'kementerian', ['Kemenkes', 'Depkes']),
  agency('ATR-BPN', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional', 'kementerian', ['ATR/BPN', 'BPN']),
  agency('BPOM', 'Badan Pengawas Obat dan Makanan', 'lembaga', ['BPOM', 'Badan POM']),
];

const index = buildNameIndex(ENTITIES);

function codeOf(r: Resolution): string {
  if (!r.ok) throw new Error(`expected a match, got ${r.reason}: ${formatCandidates(r.candidates)}`);
  return r.entity.code;
}

describe('normalizeName', () => {
  it.each([
    ['  kota   bekasi ', 'KOTA BEKASI'],
    ['Kab. Bekasi', 'KABUPATEN BEKASI'],
    ['KAB BEKASI', 'KABUPATEN BEKASI'],
    ['Prov. Bali', 'PROVINSI BALI'],
    ['Prop. Bali', 'PROVINSI BALI'],
    ['Propinsi Bali', 'PROVINSI BALI'],
    ['Pemprov Bali', 'PROVINSI BALI'],
    ['Pemerintah Provinsi Bali', 'PROVINSI BALI'],
    ['Pemkot Bekasi', 'KOTA BEKASI'],
    ['Pemerintah Kota Bekasi', 'KOTA BEKASI'],
    ['Pemerintah Daerah Kota Bekasi', 'KOTA BEKASI'],
    ['Pemkab Bekasi', 'KABUPATEN BEKASI'],
    ['Pemerintah Kabupaten Bekasi', 'KABUPATEN BEKASI'],
    ['Pemerintah Kab. Bekasi', 'KABUPATEN BEKASI'],
    ['Kementrian Kesehatan', 'KEMENTERIAN KESEHATAN'],
    ['Kota Adm. Jakarta Pusat', 'KOTA ADMINISTRASI JAKARTA PUSAT'],
    ['Kab. Adm. Kep. Seribu', 'KABUPATEN ADMINISTRASI KEPULAUAN SERIBU'],
    ['Kotamadya Surabaya', 'KOTA SURABAYA'],
    ['Kabupaten Toli-Toli', 'KABUPATEN TOLI TOLI'],
    ['Kementerian ATR/BPN', 'KEMENTERIAN ATR BPN'],
    ['"Badan POM" (RI), pusat', 'BADAN POM RI PUSAT'],
    ['Riset & Teknologi', 'RISET DAN TEKNOLOGI'],
    ['Café', 'CAFE'],
    ['Kementerian Hukum dan HAM', 'KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA'],
    ['Kementerian Desa PDTT', 'KEMENTERIAN DESA PEMBANGUNAN DAERAH TERTINGGAL DAN TRANSMIGRASI'],
    ['Provinsi DI Yogyakarta', 'PROVINSI DAERAH ISTIMEWA YOGYAKARTA'],
    ['Prov. D.I. Yogyakarta', 'PROVINSI DAERAH ISTIMEWA YOGYAKARTA'],
    ['DKI Jakarta', 'DAERAH KHUSUS IBUKOTA JAKARTA'],
    ['D.K.I. Jakarta', 'DAERAH KHUSUS IBUKOTA JAKARTA'],
    ['Tojo Una-Una', 'TOJO UNA UNA'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps "Pemerintah" when no level word follows', () => {
    expect(normalizeName('Pemerintah Pusat')).toBe('PEMERINTAH PUSAT');
  });

  it('is idempotent', () => {
    for (const e of ENTITIES) {
      const once = normalizeName(e.name);
      expect(normalizeName(once)).toBe(once);
    }
  });
});

describe('resolveEntity', () => {
  it.each([
    ['Kota Bekasi', '32.75'],
    ['KOTA BEKASI', '32.75'],
    ['kota bekasi', '32.75'],
    ['Pemkot Bekasi', '32.75'],
    ['Kab. Bekasi', '32.16'],
    ['Kabupaten Bekasi', '32.16'],
    ['Pemerintah Kabupaten Bekasi', '32.16'],
    ['Prov. Bali', '51'],
    ['Provinsi Bali', '51'],
    ['Bali', '51'],
    ['Jabar', '32'],
    ['Provinsi Jabar', '32'],
    ['Kemendagri', 'KEMENDAGRI'],
    ['Kementerian Dalam Negeri', 'KEMENDAGRI'],
    ['Kementrian Dalam Negeri', 'KEMENDAGRI'],
    ['Depdagri', 'KEMENDAGRI'],
    ['BPOM', 'BPOM'],
    ['Badan Pengawas Obat dan Makanan', 'BPOM'],
    ['Badan POM', 'BPOM'],
    ['BPN', 'ATR-BPN'],
    ['ATR/BPN', 'ATR-BPN'],
    ['DKI Jakarta', '31'],
    ['Provinsi DKI Jakarta', '31'],
    ['Jakarta', '31'],
    ['Kota Kendari', '74.71'],
    ['Kendari', '74.71'],
    ['Kota Adm. Jakarta Pusat', '31.71'],
    ['Kota Administrasi Jakarta Pusat', '31.71'],
    ['Kota Jakarta Pusat', '31.71'],
    ['Jakarta Pusat', '31.71'],
    ['Kab. Kep. Seribu', '31.01'],
    ['Kabupaten Kepulauan Seribu', '31.01'],
    ['Kota Baubau', '74.72'],
    ['Kabupaten Tolitoli', '72.04'],
  ])('%j is %s', (name, code) => {
    expect(codeOf(resolveEntity(index, name))).toBe(code);
  });

  it('matches codes as written, case-insensitively', () => {
    expect(codeOf(resolveEntity(index, '32.75'))).toBe('32.75');
    expect(codeOf(resolveEntity(index, ' 51 '))).toBe('51');
    expect(codeOf(resolveEntity(index, 'kemendagri'))).toBe('KEMENDAGRI');
    expect(codeOf(resolveEntity(index, 'atr-bpn'))).toBe('ATR-BPN');
  });

  it('calls a bare regency name shared by a kota and a kabupaten ambiguous, with both as candidates', () => {
    const r = resolveEntity(index, 'Bekasi');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['32.16', '32.75']);
  });

  it('lets the level narrow an ambiguous name', () => {
    expect(codeOf(resolveEntity(index, 'Bekasi', { level: 'kota' }))).toBe('32.75');
    expect(codeOf(resolveEntity(index, 'Bekasi', { level: 'kabupaten' }))).toBe('32.16');
  });

  it('does not let a province win over a city of the same bare name', () => {
    const r = resolveEntity(index, 'Gorontalo');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['75', '75.01', '75.71']);
    expect(codeOf(resolveEntity(index, 'Gorontalo', { level: 'provinsi' }))).toBe('75');
    expect(codeOf(resolveEntity(index, 'Provinsi Gorontalo'))).toBe('75');
    expect(codeOf(resolveEntity(index, 'Kota Gorontalo'))).toBe('75.71');
  });

  it('prefers the written level word over a bare name', () => {
    // "KOTA BEKASI" is a strong key; the bare "BEKASI" of the kabupaten is never consulted
    expect(codeOf(resolveEntity(index, 'Kota Bekasi'))).toBe('32.75');
  });

  it('filters by level even when the name is exact', () => {
    const r = resolveEntity(index, 'Kota Bekasi', { level: 'kabupaten' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('unknown');
    expect(r.candidates.every((c) => c.level === 'kabupaten')).toBe(true);
    expect(r.candidates[0]?.code).toBe('32.16');
  });

  it('suggests the coded entity when a code is given with another level', () => {
    const r = resolveEntity(index, '32.75', { level: 'kabupaten' });
    expect(r).toEqual({ ok: false, reason: 'unknown', candidates: [ENTITIES.find((e) => e.code === '32.75')] });
  });

  it('answers an unknown name with up to five similar entities', () => {
    const r = resolveEntity(index, 'Kota Atlantis');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('unknown');
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.length).toBeLessThanOrEqual(5);
  });

  it('puts the intended entity first for a typo', () => {
    const bekasi = resolveEntity(index, 'Kota Bekasii');
    expect(bekasi.ok).toBe(false);
    if (bekasi.ok) return;
    expect(bekasi.candidates[0]?.code).toBe('32.75');

    const kemenkes = resolveEntity(index, 'Kemenkess');
    expect(kemenkes.ok).toBe(false);
    if (kemenkes.ok) return;
    expect(kemenkes.candidates[0]?.code).toBe('KEMENKES');
  });

  it('keeps "did you mean" within the requested level', () => {
    const r = resolveEntity(index, 'Bekasii', { level: 'kota' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.candidates.map((c) => c.code)).toEqual(['32.75']);
  });

  it('treats empty input as unknown with no candidates', () => {
    expect(resolveEntity(index, '   ')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
    expect(resolveEntity(index, '...')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('resolves every official name and code of the test registry to itself', () => {
    for (const e of ENTITIES) {
      expect(codeOf(resolveEntity(index, e.name))).toBe(e.code);
      expect(codeOf(resolveEntity(index, e.code))).toBe(e.code);
    }
  });

  it('returns the rows it was given, so callers keep their own fields', () => {
    const rows = ENTITIES.map((e, i) => ({ ...e, id: i + 1 }));
    const r = resolveEntity(buildNameIndex(rows), 'Kota Kendari');
    expect(r.ok && r.entity.id).toBe(rows.findIndex((e) => e.code === '74.71') + 1);
  });
});

describe('buildNameIndex', () => {
  it('refuses two entities with one code', () => {
    const twice = [...ENTITIES, region('32.75', 'Kota Bekasi Baru', 'kota')];
    expect(() => buildNameIndex(twice)).toThrow(/32\.75/);
  });

  it('calls a name shared by two agencies ambiguous rather than guessing', () => {
    const clash = buildNameIndex([
      agency('BPJS-KESEHATAN', 'BPJS Kesehatan', 'lembaga', ['BPJS']),
      agency('BPJS-KETENAGAKERJAAN', 'BPJS Ketenagakerjaan', 'lembaga', ['BPJS']),
    ]);
    const r = resolveEntity(clash, 'BPJS');
    expect(r.ok === false && r.reason).toBe('ambiguous');
  });
});

describe('formatCandidates', () => {
  it('lists names with their codes', () => {
    const r = resolveEntity(index, 'Bekasi');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatCandidates(r.candidates)).toBe('Kabupaten Bekasi (32.16), Kota Bekasi (32.75)');
  });

  it('is empty for no candidates', () => {
    expect(formatCandidates([])).toBe('');
  });
});

describe('registry/agencies.json', () => {
  const raw: unknown = JSON.parse(readFileSync(new URL('../../../registry/agencies.json', import.meta.url), 'utf8'));
  const agencies = raw as Array<
    Omit<RegistryEntity, 'until' | 'successors'> & { nameEn: string; until?: number; successors?: string[] }
  >;
  const asEntities: RegistryEntity[] = agencies.map((a) => ({
    code: a.code,
    name: a.name,
    level: a.level,
    provinceCode: null,
    aliases: a.aliases,
    until: a.until ?? null,
    successors: a.successors ?? [],
  }));
  const agencyIndex = buildNameIndex(asEntities);

  it('has well-formed, unique codes that cannot be mistaken for region codes', () => {
    const codes = agencies.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/);
  });

  it('holds only ministries and agencies, each with both names', () => {
    for (const a of agencies) {
      expect(['kementerian', 'lembaga']).toContain(a.level);
      expect(LEVELS).toContain(a.level);
      expect(a.name.trim()).not.toBe('');
      expect(a.nameEn.trim()).not.toBe('');
    }
  });

  it('points successors at entries in the file', () => {
    const codes = new Set(agencies.map((a) => a.code));
    for (const a of agencies) for (const s of a.successors ?? []) expect(codes).toContain(s);
  });

  it('resolves every name, alias and code to its own entry', () => {
    for (const a of agencies) {
      for (const n of [a.code, a.name, ...a.aliases]) {
        expect(codeOf(resolveEntity(agencyIndex, n)), n).toBe(a.code);
      }
    }
  });

  it.each([
    ['Kemendagri', 'KEMENDAGRI'],
    ['BPOM', 'BPOM'],
    ['Kemenkumham', 'KEMENKUMHAM'],
    ['Kementerian Hukum', 'KEMENKUM'],
    ['Kominfo', 'KOMDIGI'],
    ['Komdigi', 'KOMDIGI'],
    ['KemenPAN-RB', 'KEMENPANRB'],
    ['Kemenpan RB', 'KEMENPANRB'],
    ['BPJS Kesehatan', 'BPJS-KESEHATAN'],
  ])('knows %j', (name, code) => {
    expect(codeOf(resolveEntity(agencyIndex, name))).toBe(code);
  });
});
