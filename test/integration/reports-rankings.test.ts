/** Rankings of a cycle on a small fixture of published results in 2021 (zones), 2022 and 2023. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResults } from '../../src/services/imports/import-results.ts';
import { cycleRankings } from '../../src/services/results/rankings.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;

const published = {
  2021: [
    ['Kota Bekasi', '80.05'],
    ['Kota Kendari', '50.00'],
  ],
  2022: [
    ['Kota Bekasi', '83.18'],
    ['Kota Kendari', '58.99'],
    ['Kota Bogor', '88.00'],
    ['Kabupaten Bogor', '79.00'],
    ['Kabupaten Bekasi', '60.00'],
    ['Provinsi Jawa Barat', '85.50'],
    ['Kementerian Keuangan', '91.20'],
  ],
  2023: [
    ['Kota Bekasi', '85.00'], // +1.82
    ['Kota Kendari', '64.81'], // +5.82
    ['Kota Bogor', '87.99'], // -0.01: leaves category A
    ['Kabupaten Bogor', '84.82'], // +5.82: ties with Kendari
    ['Kabupaten Bekasi', '55.00'], // -5.00
    ['Provinsi Jawa Barat', '85.50'], // 0
    ['Kota Depok', '90.00'], // new: not in the improved list
    ['Kementerian Keuangan', '91.20'],
  ],
} as const;

beforeAll(async () => {
  t = await createTestContext();
  for (const [year, rows] of Object.entries(published)) {
    await importResults(t.ctx, csvFile([['entity', 'score'], ...rows.map((r) => [...r])]), Number(year));
  }
});
afterAll(async () => t?.close());

describe('rankings', () => {
  it('most improved: score change of entities in both cycles, equal changes share a rank', async () => {
    const r = await cycleRankings(t.ctx, 2023, 'improved');
    if (r.kind !== 'improved') throw new Error(r.kind);
    expect(r).toMatchObject({ previousCycle: 2022, schemeChanged: false });
    expect(r.rows.map((i) => [i.rank, i.entity.name, i.changeHundredths])).toEqual([
      [1, 'Kabupaten Bogor', 582],
      [1, 'Kota Kendari', 582],
      [3, 'Kota Bekasi', 182],
      [4, 'Kementerian Keuangan', 0], // ties by name
      [4, 'Provinsi Jawa Barat', 0],
      [6, 'Kota Bogor', -1],
      [7, 'Kabupaten Bekasi', -500],
    ]);
    expect(r.rows.find((i) => i.entity.name === 'Kota Bogor')).toMatchObject({
      previous: { score: 88, category: 'A' },
      current: { score: 87.99, category: 'B' },
    });
  });

  it('most improved across a change of band scheme says so', async () => {
    const r = await cycleRankings(t.ctx, 2022, 'improved');
    if (r.kind !== 'improved') throw new Error(r.kind);
    expect(r).toMatchObject({ previousCycle: 2021, schemeChanged: true });
    expect(r.rows.map((i) => [i.entity.name, i.changeHundredths, i.previous.category, i.previous.zone])).toEqual([
      ['Kota Kendari', 899, null, 'merah'],
      ['Kota Bekasi', 313, null, 'kuning'],
    ]);
    const none = await cycleRankings(t.ctx, 2021, 'improved');
    expect(none).toMatchObject({ previousCycle: null, rows: [] });
  });

  it('awards: the green zone by category, then score', async () => {
    const r = await cycleRankings(t.ctx, 2023, 'awards');
    if (r.kind !== 'awards') throw new Error(r.kind);
    expect(r.rows.map((x) => [x.entity.name, x.category, x.score])).toEqual([
      ['Kementerian Keuangan', 'A', 91.2],
      ['Kota Depok', 'A', 90],
      ['Kota Bogor', 'B', 87.99],
      ['Provinsi Jawa Barat', 'B', 85.5],
      ['Kota Bekasi', 'B', 85],
      ['Kabupaten Bogor', 'B', 84.82],
    ]);
    const zonesOnly = await cycleRankings(t.ctx, 2021, 'awards');
    expect(zonesOnly.kind === 'awards' && zonesOnly.rows.map((x) => x.entity.name)).toEqual([]);
  });

  it('per level nationally and within each province', async () => {
    const byLevel = await cycleRankings(t.ctx, 2023, 'level');
    if (byLevel.kind !== 'level') throw new Error(byLevel.kind);
    expect(byLevel.groups.map((g) => [g.level, g.rows.map((x) => `${x.rank} ${x.entity.name}`)])).toEqual([
      ['provinsi', ['1 Provinsi Jawa Barat']],
      ['kabupaten', ['1 Kabupaten Bogor', '2 Kabupaten Bekasi']],
      ['kota', ['1 Kota Depok', '2 Kota Bogor', '3 Kota Bekasi', '4 Kota Kendari']],
      ['kementerian', ['1 Kementerian Keuangan']],
    ]);
    const byProvince = await cycleRankings(t.ctx, 2023, 'province');
    if (byProvince.kind !== 'province') throw new Error(byProvince.kind);
    expect(byProvince.groups.map((g) => [g.province, g.rows.map((x) => `${x.provinceRank} ${x.entity.name}`)])).toEqual(
      [
        ['Jawa Barat', ['1 Kota Depok', '2 Kota Bogor', '3 Kota Bekasi', '4 Kabupaten Bogor', '5 Kabupaten Bekasi']],
        ['Sulawesi Tenggara', ['1 Kota Kendari']],
      ],
    );
  });
});
