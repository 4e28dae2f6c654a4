import { describe, expect, it } from 'vitest';
import type { Level, Zone } from '../instrument/schema.ts';
import { type DistributedResult, distribute, tally } from './distribution.ts';

const r = (level: Level, provinceCode: string | null, score: number, category: string | null, zone: Zone) =>
  ({ entity: { level, provinceCode }, score, category, zone }) satisfies DistributedResult;

const CATS = ['A', 'B', 'C', 'D', 'E'];

describe('tally', () => {
  it('counts every category and zone of the scheme, zeros included, in the scheme order', () => {
    const t = tally([r('kota', '32', 90, 'A', 'hijau'), r('kota', '32', 60, 'C', 'kuning')], CATS);
    expect(t.categories).toEqual([
      { category: 'A', count: 1 },
      { category: 'B', count: 0 },
      { category: 'C', count: 1 },
      { category: 'D', count: 0 },
      { category: 'E', count: 0 },
    ]);
    expect(t.zones).toEqual([
      { zone: 'hijau', count: 1 },
      { zone: 'kuning', count: 1 },
      { zone: 'merah', count: 0 },
    ]);
    expect(t.entities).toBe(2);
    expect(t.greenShare).toBe(50);
  });

  it('means the published scores exactly and rounds half up to two decimals', () => {
    // (80.01 + 80.02) / 2 = 80.015 → 80.02 (a float mean would give 80.01499…)
    expect(tally([r('kota', null, 80.01, 'B', 'hijau'), r('kota', null, 80.02, 'B', 'hijau')], CATS).meanScore).toBe(
      80.02,
    );
    expect(
      tally(
        [r('kota', null, 70, 'C', 'kuning'), r('kota', null, 80, 'B', 'hijau'), r('kota', null, 81, 'B', 'hijau')],
        CATS,
      ).greenShare,
    ).toBe(66.67);
  });

  it('has no mean and no share without entities, and no categories in a zones-only scheme', () => {
    const t = tally([], []);
    expect(t).toMatchObject({ entities: 0, meanScore: null, greenShare: null, categories: [] });
  });
});

describe('distribute', () => {
  it('reports every province asked for, the province and its regencies together, and levels with results', () => {
    const d = distribute(
      [
        r('provinsi', '32', 85, 'B', 'hijau'),
        r('kota', '32', 70, 'C', 'kuning'),
        r('kota', '74', 50, 'D', 'merah'),
        r('kementerian', null, 95, 'A', 'hijau'),
      ],
      CATS,
      ['11', '32', '74'],
    );
    expect(d.national.entities).toBe(4);
    expect(d.levels.map((l) => [l.level, l.entities])).toEqual([
      ['provinsi', 1],
      ['kota', 2],
      ['kementerian', 1],
    ]);
    expect(d.provinces.map((p) => [p.provinceCode, p.entities, p.meanScore])).toEqual([
      ['11', 0, null],
      ['32', 2, 77.5],
      ['74', 1, 50],
    ]);
  });
});
