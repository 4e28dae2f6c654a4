import { describe, expect, it } from 'vitest';
import type { Level, Zone } from '../instrument/schema.ts';
import {
  awardsList,
  mostImproved,
  type RankedResult,
  rankingsByLevel,
  rankingsByProvince,
  rankWithinGroups,
} from './ranking.ts';

function r(
  code: string,
  level: Level,
  score: number,
  category: string | null,
  zone: Zone,
  extra: Partial<RankedResult> & { province?: string | null; provinceCode?: string | null } = {},
): RankedResult {
  return {
    entity: {
      code,
      name: `E ${code}`,
      level,
      province: extra.province ?? null,
      provinceCode: extra.provinceCode ?? null,
    },
    score,
    category,
    award: { eligible: zone === 'hijau', withheld: null },
    opinion: '',
    zone,
    rank: extra.rank ?? 0,
    provinceRank: extra.provinceRank ?? null,
  };
}

describe('rankWithinGroups', () => {
  it('gives equal rounded scores the same rank (1, 2, 2, 4)', () => {
    const ranks = rankWithinGroups([
      { key: 'a', score: 90, group: 'g' },
      { key: 'b', score: 80.004, group: 'g' },
      { key: 'c', score: 79.995, group: 'g' },
      { key: 'd', score: 70, group: 'g' },
    ]);
    expect([...ranks.entries()].sort()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});

describe('ranking tables', () => {
  it('per level follows the level order and the national rank', () => {
    const g = rankingsByLevel([
      r('k2', 'kota', 70, 'C', 'kuning', { rank: 2 }),
      r('p1', 'provinsi', 90, 'A', 'hijau', { rank: 1 }),
      r('k1', 'kota', 80, 'B', 'hijau', { rank: 1 }),
    ]);
    expect(g.map((x) => [x.level, x.rows.map((y) => y.entity.code)])).toEqual([
      ['provinsi', ['p1']],
      ['kota', ['k1', 'k2']],
    ]);
  });

  it('per province holds regencies and cities ranked within it, provinces by name', () => {
    const g = rankingsByProvince([
      r('32.01', 'kabupaten', 60, 'C', 'kuning', { province: 'Jawa Barat', provinceCode: '32', provinceRank: 2 }),
      r('32.75', 'kota', 83, 'B', 'hijau', { province: 'Jawa Barat', provinceCode: '32', provinceRank: 1 }),
      r('11.01', 'kabupaten', 50, 'D', 'merah', { province: 'Aceh', provinceCode: '11', provinceRank: 1 }),
      r('32', 'provinsi', 88, 'A', 'hijau', { province: 'Jawa Barat', provinceCode: '32' }),
    ]);
    expect(g.map((x) => [x.province, x.rows.map((y) => y.entity.code)])).toEqual([
      ['Aceh', ['11.01']],
      ['Jawa Barat', ['32.75', '32.01']],
    ]);
  });
});

describe('most improved', () => {
  it('ranks entities in both cycles by the change of their published score', () => {
    const before = [
      r('a', 'kota', 70, 'C', 'kuning'),
      r('b', 'kota', 80, 'B', 'hijau'),
      r('c', 'kota', 60, 'C', 'kuning'),
      r('x', 'kota', 1, 'E', 'merah'),
    ];
    const now = [
      r('a', 'kota', 75.5, 'C', 'kuning'),
      r('b', 'kota', 79.01, 'B', 'hijau'),
      r('c', 'kota', 65.5, 'C', 'kuning'),
      r('new', 'kota', 99, 'A', 'hijau'),
    ];
    const m = mostImproved(now, before);
    expect(m.map((i) => [i.rank, i.entity.code, i.changeHundredths])).toEqual([
      [1, 'a', 550],
      [1, 'c', 550],
      [3, 'b', -99],
    ]);
    expect(m[2]?.previous).toMatchObject({ score: 80, category: 'B' });
  });
});

describe('awards list', () => {
  it('is the green zone by category, then score', () => {
    const a = awardsList([
      r('b1', 'kota', 80, 'B', 'hijau'),
      r('a1', 'kota', 88, 'A', 'hijau'),
      r('b2', 'kabupaten', 85, 'B', 'hijau'),
      r('c1', 'kota', 77.99, 'C', 'kuning'),
      r('a2', 'provinsi', 95, 'A', 'hijau'),
    ]);
    expect(a.map((x) => x.entity.code)).toEqual(['a2', 'a1', 'b2', 'b1']);
  });
  it('in a zone-only cycle is the green zone by score', () => {
    const a = awardsList([
      r('x', 'kota', 82, null, 'hijau'),
      r('y', 'kota', 90, null, 'hijau'),
      r('z', 'kota', 70, null, 'kuning'),
    ]);
    expect(a.map((x) => x.entity.code)).toEqual(['y', 'x']);
  });
});
