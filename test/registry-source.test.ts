import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildNameIndex,
  formatCandidates,
  type NameIndex,
  type RegistryEntity,
  resolveEntity,
} from '../src/domain/registry/names.ts';
import { loadRegistryEntities, parseAgencies } from '../src/services/registry/registry-source.ts';

let entities: RegistryEntity[];
let index: NameIndex;

beforeAll(async () => {
  entities = await loadRegistryEntities();
  index = buildNameIndex(entities);
});

const ofLevel = (level: RegistryEntity['level']) => entities.filter((e) => e.level === level);

function codeOf(name: string, level?: RegistryEntity['level']): string {
  const r = resolveEntity(index, name, level ? { level } : undefined);
  if (!r.ok) throw new Error(`"${name}" did not resolve: ${r.reason} ${formatCandidates(r.candidates)}`);
  return r.entity.code;
}

describe('loadRegistryEntities', () => {
  it('has the 38 provinces, named "Provinsi <name>", each its own province', () => {
    const provinces = ofLevel('provinsi');
    expect(provinces).toHaveLength(38);
    for (const p of provinces) {
      expect(p.name).toMatch(/^Provinsi /);
      expect(p.provinceCode).toBe(p.code);
      expect(p.aliases).toContain(p.name.replace(/^Provinsi /, ''));
    }
    expect(provinces.find((p) => p.code === '32')?.name).toBe('Provinsi Jawa Barat');
  });

  it('has the 514 regencies and cities of idn-area-data: 416 kabupaten and 98 kota', () => {
    expect(ofLevel('kabupaten')).toHaveLength(416);
    expect(ofLevel('kota')).toHaveLength(98);
    const provinceCodes = new Set(ofLevel('provinsi').map((p) => p.code));
    for (const r of [...ofLevel('kabupaten'), ...ofLevel('kota')]) {
      expect(r.name.startsWith(r.level === 'kota' ? 'Kota ' : 'Kabupaten ')).toBe(true);
      expect(r.code).toMatch(/^\d{2}\.\d{2}$/);
      expect(provinceCodes.has(r.provinceCode ?? '')).toBe(true);
      expect(r.code.startsWith(`${r.provinceCode}.`)).toBe(true);
    }
  });

  it('adds the ministries and agencies of registry/agencies.json, with no province', () => {
    const agencies = [...ofLevel('kementerian'), ...ofLevel('lembaga')];
    expect(agencies.length).toBeGreaterThanOrEqual(39);
    expect(ofLevel('kementerian').length).toBeGreaterThanOrEqual(48);
    for (const a of agencies) expect(a.provinceCode).toBeNull();
    expect(entities).toHaveLength(38 + 514 + agencies.length);
  });

  it('carries the lifespan of split and reshaped bodies; every other entity has none', () => {
    const byCode = new Map(entities.map((e) => [e.code, e]));
    expect(byCode.get('KEMENKUMHAM')).toMatchObject({
      until: 2024,
      successors: ['KEMENKUM', 'KEMENHAM', 'KEMENIMIPAS'],
    });
    expect(byCode.get('BKPM')).toMatchObject({ until: 2021, successors: ['KEMENINVES'] });
    for (const e of entities) expect(e.until === null, e.code).toBe(e.successors.length === 0);
    expect(byCode.get('32.75')).toMatchObject({ until: null, successors: [] });
  });

  it('gives every entity its own code', () => {
    const codes = entities.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('resolves every official name and every code back to that same entity', () => {
    const wrong: string[] = [];
    for (const e of entities) {
      for (const n of [e.name, e.code]) {
        const r = resolveEntity(index, n);
        if (r.ok && r.entity === e) continue;
        wrong.push(`${n}: ${r.ok ? r.entity.code : `${r.reason} ${formatCandidates(r.candidates)}`}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never resolves an alias to another entity; with the level given, to its own', () => {
    const wrong: string[] = [];
    for (const e of entities) {
      for (const alias of e.aliases) {
        const bare = resolveEntity(index, alias);
        if (bare.ok && bare.entity !== e) wrong.push(`${alias} → ${bare.entity.code}, not ${e.code}`);
        if (!bare.ok && !bare.candidates.includes(e)) wrong.push(`${alias}: ${bare.reason} without ${e.code}`);
        const leveled = resolveEntity(index, alias, { level: e.level });
        if (!leveled.ok || leveled.entity !== e) {
          wrong.push(`${alias} (${e.level}) does not resolve to ${e.code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Kota Bekasi', '32.75'],
    ['KOTA BEKASI', '32.75'],
    ['Kab. Bekasi', '32.16'],
    ['Kabupaten Bekasi', '32.16'],
    ['Prov. Bali', '51'],
    ['Provinsi Bali', '51'],
    ['Bali', '51'],
    ['Kemendagri', 'KEMENDAGRI'],
    ['Kementerian Dalam Negeri', 'KEMENDAGRI'],
    ['BPOM', 'BPOM'],
    ['Badan Pengawas Obat dan Makanan', 'BPOM'],
    ['DKI Jakarta', '31'],
    ['Provinsi DKI Jakarta', '31'],
    ['Kota Kendari', '74.71'],
    ['Kota Adm. Jakarta Pusat', '31.71'],
    ['Kota Jakarta Pusat', '31.71'],
    ['Kota Administrasi Jakarta Pusat', '31.71'],
    ['Kab. Adm. Kepulauan Seribu', '31.01'],
    ['DI Yogyakarta', '34'],
    ['Yogyakarta', '34.71'],
    ['Kota Baubau', '74.72'],
    ['Kota Pematang Siantar', '12.72'],
    ['Kabupaten Tolitoli', '72.04'],
    ['Kemenkumham', 'KEMENKUMHAM'],
    ['Kominfo', 'KOMDIGI'],
    ['ATR/BPN', 'ATR-BPN'],
    ['BPN', 'ATR-BPN'],
  ])('resolves %j to %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it('calls "Bekasi" ambiguous between the city and the regency', () => {
    const r = resolveEntity(index, 'Bekasi');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['32.16', '32.75']);
    expect(codeOf('Bekasi', 'kota')).toBe('32.75');
  });

  it('calls a province name shared with its capital city ambiguous unless the level is given', () => {
    for (const [name, code] of [
      ['Bengkulu', '17'],
      ['Jambi', '15'],
      ['Gorontalo', '75'],
    ] as const) {
      const r = resolveEntity(index, name);
      expect(r.ok === false && r.reason, name).toBe('ambiguous');
      expect(codeOf(name, 'provinsi')).toBe(code);
    }
  });

  it('answers "Kota Atlantis" with "did you mean" candidates', () => {
    const r = resolveEntity(index, 'Kota Atlantis');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('unknown');
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.length).toBeLessThanOrEqual(5);
  });
});

describe('parseAgencies', () => {
  const ok = {
    code: 'BPOM',
    level: 'lembaga',
    name: 'Badan Pengawas Obat dan Makanan',
    nameEn: 'Indonesian Food and Drug Authority',
    aliases: ['BPOM'],
  };

  it('accepts a well-formed list', () => {
    expect(parseAgencies([ok])).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    const bad = [
      ok,
      { ...ok, name: 'Badan Lain', aliases: [] },
      { ...ok, code: '32.75', name: 'Numeric' },
      { ...ok, code: 'X', name: 'Old', aliases: ['BPOM'], until: 2020, successors: ['NOPE'] },
    ];
    expect(() => parseAgencies(bad)).toThrow(/2\.code/);
    expect(() => parseAgencies([ok, bad[1], bad[3]])).toThrow(
      /BPOM is used twice[\s\S]*"BPOM" also belongs to BPOM[\s\S]*NOPE is not a code/,
    );
  });
});
