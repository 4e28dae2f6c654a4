/**
 * `patuh sample …` as a person runs it: real processes on a real data folder (PGlite,
 * or PostgreSQL via DATABASE_URL when PATUH_TEST_DATABASE_URL is set); exit codes
 * 0 ok, 1 failure (verify found a difference), 2 bad input.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCycle } from '../../src/db/repos/cycles.ts';
import { cliWorkspace } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';

const cli = cliWorkspace('sample_cli');
const { patuh, withDatabase } = cli;

beforeAll(async () => {
  await cli.setUp();
  expect((await patuh('migrate')).code).toBe(0);
  await withDatabase(async (db) => {
    await insertCycle(db, {
      year: 2025,
      edition: 'pemda-2022',
      bandScheme: 'categories-2022',
      status: 'draft',
      settings: { serviceUsersPerUnit: 1 },
    });
  });
});

afterAll(() => cli.tearDown());

const HEADER = ['entity', 'unit', 'kind', 'product'];
const ROWS = [
  ['Kota Bekasi', 'Disdukcapil Kota Bekasi', 'Disdukcapil', 'KTP-el'],
  ['Kota Bekasi', 'Disdukcapil Kota Bekasi', 'Disdukcapil', 'KK'],
  ['Kota Bekasi', 'Disdukcapil Kota Bekasi', 'Disdukcapil', 'Akta'],
  ['Kota Bekasi', 'Puskesmas Jatibening', 'Puskesmas', 'KIA'],
  ['Kota Bekasi', 'Puskesmas Bantargebang', 'Puskesmas', 'KIA'],
  ['Kota Bekasi', 'Puskesmas Pondok Gede', 'Puskesmas', 'Imunisasi'],
];

describe('patuh sample', () => {
  let first: string;

  it('imports candidates and rejects a bad file with row numbers (exit 2)', async () => {
    const bad = await patuh(
      'sample',
      'candidates',
      csvFile([HEADER, ...ROWS, ['Kota Bekasi', 'X', 'Dinas PU', 'IMB']]),
      '--cycle',
      '2025',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/1 bad row, nothing was imported/);
    expect(bad.stderr).toMatch(/row 8 \(kind\): "Dinas PU" is not a unit kind/);
    const ok = await patuh('sample', 'candidates', csvFile([HEADER, ...ROWS]), '--cycle', '2025', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ entities: 1, units: 4, products: 6 });
  });

  it('draws with a seed (exit 0), refuses to draw again (exit 2), and redraws the same JSON with --redraw', async () => {
    const a = await patuh('sample', 'draw', '--cycle', '2025', '--entity', 'Kota Bekasi', '--seed', 'S', '--json');
    expect(a.code).toBe(0);
    first = a.stdout;
    const sample = JSON.parse(first);
    expect(sample).toMatchObject({ cycle: 2025, entity: { code: '32.75' }, seed: 'S', algorithm: 'patuh-sampling-1' });
    expect(sample.units).toHaveLength(3);
    expect(sample.shortfalls).toContainEqual({ kind: 'DPMPTSP', unit: null, required: 1, available: 0 });

    const again = await patuh('sample', 'draw', '--cycle', '2025', '--entity', 'Kota Bekasi', '--seed', 'S', '--json');
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).error.code).toBe('CONFLICT');

    const redraw = await patuh(
      'sample',
      'draw',
      '--cycle',
      '2025',
      '--entity',
      'Kota Bekasi',
      '--seed',
      'S',
      '--redraw',
      '--json',
    );
    expect(redraw.code).toBe(0);
    expect(redraw.stderr).toMatch(/replaced the sample drawn by cli .* with seed "S"/);
    const { replaced, ...rest } = JSON.parse(redraw.stdout);
    expect(replaced).toMatchObject({ seed: 'S', unitsNoLongerSampled: [] });
    expect(rest).toEqual({ ...sample, replaced: undefined });
    expect(JSON.stringify({ ...rest, replaced: null }, null, 2)).toBe(first.trim());
  });

  it('shows the stored sample', async () => {
    const s = await patuh('sample', 'show', '--cycle', '2025', '--entity', '32.75', '--json');
    expect(s.code).toBe(0);
    const { drawnBy, drawnAt, ...rest } = JSON.parse(s.stdout);
    expect(drawnBy).toBe('cli');
    expect(typeof drawnAt).toBe('string');
    expect({ ...rest, replaced: null }).toEqual(JSON.parse(first));
  });

  it('verifies: exit 0 when all match, 1 naming the entity when a stored sample was edited', async () => {
    const ok = await patuh('sample', 'verify', '--cycle', '2025');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/1 samples checked, 1 match/);
    await withDatabase(async (db) => {
      await sql`update samples set result = jsonb_set(result, '{units,0,name}', '"Disdukcapil Palsu"')`.execute(db);
    });
    const bad = await patuh('sample', 'verify', '--cycle', '2025', '--json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.differing).toEqual([
      { entity: { code: '32.75', name: 'Kota Bekasi' }, reason: expect.stringMatching(/Disdukcapil Palsu/) },
    ]);
    const text = await patuh('sample', 'verify', '--cycle', '2025');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/DIFFERS {2}Kota Bekasi \(32\.75\)/);
  });

  it('exits 2 for an unknown cycle or entity', async () => {
    expect((await patuh('sample', 'verify', '--cycle', '2031')).code).toBe(2);
    const r = await patuh('sample', 'show', '--cycle', '2025', '--entity', 'Kota Bekasy');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean Kota Bekasi/);
  });
});
