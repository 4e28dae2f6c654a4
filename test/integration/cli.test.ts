/**
 * The `patuh` command as a person runs it: real processes on a real data folder
 * (PGlite, or PostgreSQL when PATUH_TEST_DATABASE_URL is set, via DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';

const cli = cliWorkspace('cli');
const { patuh, patuhWith } = cli;

beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

describe('patuh CLI', () => {
  it('migrates a fresh database and shows help with exit 0', async () => {
    expect((await patuh('migrate')).code).toBe(0);
    const help = await patuh('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/import/);
    expect((await patuh('import', 'answers', '--help')).code).toBe(0);
  });

  it('prints the instrument as JSON: dimensions → variables → indicators', async () => {
    const r = await patuh('instrument', 'show', '--cycle', '2022', '--json');
    expect(r.code).toBe(0);
    const inst = JSON.parse(r.stdout);
    expect(inst.dimensions.map((d: { code: string; weight: number }) => [d.code, d.weight])).toEqual([
      ['IN', 21.85],
      ['PR', 32.37],
      ['OUT', 24.24],
      ['PGD', 21.54],
    ]);
    const kom = inst.dimensions[0].variables[0];
    expect(kom).toMatchObject({ code: 'KOM', weight: 12.22 });
    expect(kom.indicators[0]).toMatchObject({ code: 'IN.KOM.01', method: 'official_interview' });
    expect(kom.indicators[0].scale).toHaveLength(4);
  });

  it('imports results and prints them in the documented JSON shape', async () => {
    const file = csvFile([
      ['entity', 'unit', 'score'],
      ['Kota Bekasi', 'Dinas Sosial', '80'],
      ['Kota Bekasi', 'DPMPTSP', '86.36'],
    ]);
    const imp = await patuh('import', 'results', file, '--cycle', '2024', '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ entities: 1, units: 2 });
    const r = await patuh('results', '--cycle', '2024', '--entity', 'kota bekasi', '--json');
    expect(r.code).toBe(0);
    const [entry, ...rest] = JSON.parse(r.stdout);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      entity: { code: '32.75', name: 'Kota Bekasi', level: 'kota', province: 'Jawa Barat' },
      score: 83.18,
      category: 'B',
      opinion: 'Kualitas Tinggi',
      zone: 'hijau',
      complete: true,
      rank: 1,
    });
    expect(entry.units.map((u: { name: string; score: number }) => [u.name, u.score])).toEqual([
      ['Dinas Sosial', 80],
      ['DPMPTSP', 86.36],
    ]);
  });

  it('exits 2 and lists every bad row for a bad import, leaving the data as it was', async () => {
    const before = (await patuh('results', '--cycle', '2022', '--json')).stdout;
    const file = csvFile([
      ['entity', 'unit', 'indicator', 'respondent', 'value'],
      ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.01', '', '7'],
      ['Kota Entah', 'Dinas Sosial', 'PR.STD.01', '', '1'],
      ['Kota Bekasi', 'Dinas Sosial', 'NOPE', '', '1'],
    ]);
    const r = await patuh('import', 'answers', file, '--cycle', '2022');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/row 2 \(value\)/);
    expect(r.stderr).toMatch(/row 3 \(entity\)/);
    expect(r.stderr).toMatch(/row 4 \(indicator\)/);
    expect((await patuh('results', '--cycle', '2022', '--json')).stdout).toBe(before);
  });

  it('exits 2 for bad arguments: unknown cycle, unknown entity, missing option', async () => {
    expect((await patuh('results', '--cycle', '1999', '--json')).code).toBe(2);
    expect((await patuh('results', '--cycle', '2030')).code).toBe(2);
    const unknown = await patuh('results', '--cycle', '2024', '--entity', 'Kota Atlantis');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown entity/);
    expect((await patuh('results')).code).toBe(2);
    expect((await patuh('import', 'answers', '/nonexistent.csv', '--cycle', '2022')).code).toBe(2);
  });

  it('refuses to serve with evidence storage it cannot use, saying what to fix', async () => {
    const r = await patuhWith(
      {
        PORT: '0',
        PATUH_S3_ENDPOINT: 'http://127.0.0.1:9',
        PATUH_S3_BUCKET: 'patuh-evidence',
        PATUH_S3_REGION: 'ap-southeast-3',
        PATUH_S3_ACCESS_KEY_ID: 'key',
        PATUH_S3_SECRET_ACCESS_KEY: 'secret',
      },
      'serve',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: evidence storage: s3 http:\/\/127\.0\.0\.1:9\/patuh-evidence: not reachable .*check PATUH_S3_ENDPOINT\n$/,
    );
  });

  it('explains a score for a person', async () => {
    const file = csvFile([
      ['entity', 'unit', 'indicator', 'respondent', 'value'],
      ['Kota Kendari', 'Dinas Sosial', 'PR.STD.06', '', '0'],
      ['Kota Kendari', 'Dinas Sosial', 'PR.STD.01', '', '3'],
      ['Kota Kendari', 'Dinas Sosial', 'IN.KOM.01', 'R1', '3'],
    ]);
    expect((await patuh('import', 'answers', file, '--cycle', '2023')).code).toBe(0);
    const r = await patuh('explain', '--cycle', '2023', '--entity', 'Kota Kendari');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Proses/);
    expect(r.stdout).toMatch(/PR\.STD\.06/);
    expect(r.stdout).toMatch(/BELUM LENGKAP/);
  });
});
