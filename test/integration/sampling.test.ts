/**
 * Sampling end to end on the services: candidates import, draw, show, verify.
 * Runs on PGlite and, with PATUH_TEST_DATABASE_URL, on PostgreSQL; the pinned draw
 * below must come out identical on both and on every run.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCycle } from '../../src/db/repos/cycles.ts';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { listEntityUnits } from '../../src/db/repos/units.ts';
import { drawEntitySample } from '../../src/services/sampling/draw-sample.ts';
import { importCandidates } from '../../src/services/sampling/import-candidates.ts';
import { showEntitySample } from '../../src/services/sampling/show-sample.ts';
import { verifySamples } from '../../src/services/sampling/verify-samples.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { failure } from '../helpers/errors.ts';
import { csvFile } from '../helpers/files.ts';

const YEAR = 2025;
const HEADER = ['entity', 'unit', 'kind', 'product'];

/** Kota Kendari's candidates: more than the rule needs of most kinds, one row per product. */
const KENDARI: string[][] = [
  ...['Izin Usaha', 'PBG', 'Izin Reklame'].map((p) => ['Kota Kendari', 'DPMPTSP Kota Kendari', 'DPMPTSP', p]),
  ...['KTP-el', 'Kartu Keluarga', 'Akta Kelahiran'].map((p) => ['Kota Kendari', 'Disdukcapil', 'Disdukcapil', p]),
  ...['Izin Apotek', 'Izin Klinik'].map((p) => ['Kota Kendari', 'Dinas Kesehatan', 'dinas kesehatan', p]),
  ...['DTKS', 'SKTM'].map((p) => ['Kota Kendari', 'Dinas Sosial', 'Dinas Sosial', p]),
  ...['Legalisir Ijazah', 'Izin PAUD', 'Mutasi Siswa'].map((p) => [
    'Kota Kendari',
    'Dinas Pendidikan',
    'Dinas Pendidikan',
    p,
  ]),
  ...['Puuwatu', 'Mandonga', 'Poasia', 'Abeli', 'Kandai'].flatMap((name) =>
    ['Rawat Jalan', 'Imunisasi', 'KIA'].map((p) => ['Kota Kendari', `Puskesmas ${name}`, 'Puskesmas', p]),
  ),
];

/** The draw of Kota Kendari with seed "kendari-2025-07-01", pinned: any change of the algorithm fails here. */
const PINNED = {
  cycle: 2025,
  entity: { code: '74.71', name: 'Kota Kendari' },
  seed: 'kendari-2025-07-01',
  algorithm: 'patuh-sampling-1',
  rule: {
    unitKinds: [
      { kind: 'DPMPTSP', count: 1 },
      { kind: 'Disdukcapil', count: 1 },
      { kind: 'Dinas Kesehatan', count: 1 },
      { kind: 'Dinas Sosial', count: 1 },
      { kind: 'Dinas Pendidikan', count: 1 },
      { kind: 'Puskesmas', count: 2 },
    ],
    productsPerUnit: 2,
    serviceUsersPerUnit: 2,
  },
  units: [
    {
      kind: 'DPMPTSP',
      name: 'DPMPTSP Kota Kendari',
      products: ['PBG', 'Izin Reklame'],
      respondents: [
        { slot: 'U1', product: 'PBG' },
        { slot: 'U2', product: 'Izin Reklame' },
      ],
    },
    {
      kind: 'Disdukcapil',
      name: 'Disdukcapil',
      products: ['Kartu Keluarga', 'KTP-el'],
      respondents: [
        { slot: 'U1', product: 'Kartu Keluarga' },
        { slot: 'U2', product: 'KTP-el' },
      ],
    },
    {
      kind: 'Dinas Kesehatan',
      name: 'Dinas Kesehatan',
      products: ['Izin Apotek', 'Izin Klinik'],
      respondents: [
        { slot: 'U1', product: 'Izin Apotek' },
        { slot: 'U2', product: 'Izin Klinik' },
      ],
    },
    {
      kind: 'Dinas Sosial',
      name: 'Dinas Sosial',
      products: ['DTKS', 'SKTM'],
      respondents: [
        { slot: 'U1', product: 'DTKS' },
        { slot: 'U2', product: 'SKTM' },
      ],
    },
    {
      kind: 'Dinas Pendidikan',
      name: 'Dinas Pendidikan',
      products: ['Izin PAUD', 'Mutasi Siswa'],
      respondents: [
        { slot: 'U1', product: 'Izin PAUD' },
        { slot: 'U2', product: 'Mutasi Siswa' },
      ],
    },
    {
      kind: 'Puskesmas',
      name: 'Puskesmas Abeli',
      products: ['KIA', 'Imunisasi'],
      respondents: [
        { slot: 'U1', product: 'KIA' },
        { slot: 'U2', product: 'Imunisasi' },
      ],
    },
    {
      kind: 'Puskesmas',
      name: 'Puskesmas Mandonga',
      products: ['KIA', 'Rawat Jalan'],
      respondents: [
        { slot: 'U1', product: 'KIA' },
        { slot: 'U2', product: 'Rawat Jalan' },
      ],
    },
  ],
  shortfalls: [],
};

async function freshContext(): Promise<TestContext> {
  const t = await createTestContext();
  await insertCycle(t.ctx.db, {
    year: YEAR,
    edition: 'pemda-2022',
    bandScheme: 'categories-2022',
    status: 'draft',
    settings: { serviceUsersPerUnit: 2 },
  });
  return t;
}

let t: TestContext;
beforeAll(async () => {
  t = await freshContext();
});
afterAll(async () => t?.close());

async function counts() {
  const r = await sql<{ c: number; s: number; u: number }>`select
    (select count(*)::int from unit_candidates) as c, (select count(*)::int from samples) as s,
    (select count(*)::int from units) as u`.execute(t.ctx.db);
  return r.rows[0];
}

describe('sampling', () => {
  it('imports candidates, one row per product', async () => {
    const r = await importCandidates(t.ctx, csvFile([HEADER, ...KENDARI]), YEAR);
    expect(r).toEqual({
      cycle: YEAR,
      rows: KENDARI.length,
      entities: 1,
      units: 10,
      products: 28,
      replaced: 0,
      sampled: [],
    });
  });

  it('draws the pinned sample and creates its units in the cycle', async () => {
    const r = await drawEntitySample(t.ctx, {
      year: YEAR,
      entity: 'Kota Kendari',
      seed: 'kendari-2025-07-01',
      by: 'test',
    });
    // the same keys in the same order, the same values: the JSON text itself is pinned
    expect(JSON.stringify(r, null, 2)).toBe(JSON.stringify({ ...PINNED, replaced: null }, null, 2));
    const kendari = await findEntityByCode(t.ctx.db, '74.71');
    const units = await listEntityUnits(t.ctx.db, (await cycleId()) as number, kendari?.id ?? -1);
    expect(units.map((u) => [u.name, u.kind]).sort()).toEqual(r.units.map((u) => [u.name, u.kind]).sort());
  });

  it('gives the same JSON in a fresh database (the draw depends on nothing stored)', async () => {
    const other = await freshContext();
    try {
      // the rows in another order: the draw must not notice
      await importCandidates(other.ctx, csvFile([HEADER, ...KENDARI.slice().reverse()]), YEAR);
      const r = await drawEntitySample(other.ctx, {
        year: YEAR,
        entity: '74.71',
        seed: 'kendari-2025-07-01',
        by: 'other',
      });
      expect(JSON.stringify(r, null, 2)).toBe(JSON.stringify({ ...PINNED, replaced: null }, null, 2));
    } finally {
      await other.close();
    }
  });

  it('shows the stored sample as drawn', async () => {
    const s = await showEntitySample(t.ctx, YEAR, 'kendari');
    const { drawnAt, ...rest } = s;
    expect(JSON.stringify(rest)).toBe(JSON.stringify({ ...PINNED, drawnBy: 'test' }));
    expect(Number.isNaN(Date.parse(drawnAt))).toBe(false);
  });

  it('refuses to draw again without --redraw, and changes nothing', async () => {
    const before = await counts();
    const e = await failure(drawEntitySample(t.ctx, { year: YEAR, entity: 'Kota Kendari', seed: 'other', by: 'test' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/kendari-2025-07-01.*--redraw/);
    expect(await counts()).toEqual(before);
  });

  it('verifies every stored sample: all match', async () => {
    expect(await verifySamples(t.ctx, YEAR)).toEqual({
      cycle: YEAR,
      checked: 1,
      matching: 1,
      differing: [],
      candidatesChanged: [],
      ruleChanged: [],
      ok: true,
    });
  });

  it('detects a stored result edited by hand', async () => {
    await sql`update samples set result = jsonb_set(result, '{units,0,products,0}', '"Izin Tambang"')`.execute(
      t.ctx.db,
    );
    const r = await verifySamples(t.ctx, YEAR);
    expect(r.ok).toBe(false);
    expect(r.differing).toEqual([
      {
        entity: { code: '74.71', name: 'Kota Kendari' },
        reason: expect.stringMatching(/stored products \[Izin Tambang/),
      },
    ]);
    expect(r.candidatesChanged).toEqual([]);
  });

  it('detects a stored seed edited by hand', async () => {
    await sql`update samples set seed = 'kendari-2025-07-02'`.execute(t.ctx.db);
    const r = await verifySamples(t.ctx, YEAR);
    expect(r.differing.map((d) => d.entity.code)).toEqual(['74.71']);
  });

  it('redraws with --redraw, says what it replaced, and verifies again', async () => {
    const r = await drawEntitySample(t.ctx, {
      year: YEAR,
      entity: 'Kota Kendari',
      seed: 'kendari-2025-07-01',
      redraw: true,
      by: 'test',
    });
    expect(r.replaced).toMatchObject({ seed: 'kendari-2025-07-02', drawnBy: 'test' });
    expect((await verifySamples(t.ctx, YEAR)).ok).toBe(true);
  });

  it('reports candidates changed since the draw separately; the sample still verifies', async () => {
    const fewer = KENDARI.filter((row) => row[1] !== 'Puskesmas Kandai');
    const imported = await importCandidates(t.ctx, csvFile([HEADER, ...fewer]), YEAR);
    expect(imported).toMatchObject({ replaced: 1, sampled: [{ code: '74.71', name: 'Kota Kendari' }] });
    const r = await verifySamples(t.ctx, YEAR);
    expect(r).toMatchObject({ ok: true, matching: 1, candidatesChanged: [{ code: '74.71', name: 'Kota Kendari' }] });
  });

  it('takes all and reports a shortfall when an entity has too few candidates', async () => {
    const rows = [
      ['Kota Bekasi', 'Puskesmas Jatibening', 'Puskesmas', 'KIA'],
      ['Kota Bekasi', 'Disdukcapil', 'Disdukcapil', 'KTP-el'],
      ['Kota Bekasi', 'Disdukcapil', 'Disdukcapil', 'KK'],
    ];
    await importCandidates(t.ctx, csvFile([HEADER, ...rows]), YEAR);
    const r = await drawEntitySample(t.ctx, { year: YEAR, entity: 'Kota Bekasi', seed: '1', by: 'test' });
    expect(r.units.map((u) => u.name)).toEqual(['Disdukcapil', 'Puskesmas Jatibening']);
    expect(r.shortfalls).toContainEqual({ kind: 'Puskesmas', unit: null, required: 2, available: 1 });
    expect(r.shortfalls).toContainEqual({ kind: 'Puskesmas', unit: 'Puskesmas Jatibening', required: 2, available: 1 });
    expect(r.shortfalls).toContainEqual({ kind: 'DPMPTSP', unit: null, required: 1, available: 0 });
  });

  it('rejects a candidates file with bad rows, naming each row, and changes nothing', async () => {
    const before = await counts();
    const file = csvFile([
      HEADER,
      ['Kota Kendari', 'Dinas Sosial', 'Dinas Sosial', 'DTKS'],
      ['Kota Kendary', 'Dinas Sosial', 'Dinas Sosial', 'SKTM'],
      ['Bekasi', 'Disdukcapil', 'Disdukcapil', 'KTP-el'],
      ['Kota Kendari', 'Dinas PU', 'Dinas PU', 'IMB'],
      ['Kota Kendari', 'Dinas Sosial', 'Dinas Sosial', ''],
      ['Kota Kendari', 'Dinas Sosial', 'Dinas Sosial', 'dtks'],
      ['Kota Kendari', 'Dinas Sosial', 'Puskesmas', 'Rehabilitasi'],
      ['', '', '', 'X'],
    ]);
    const e = await failure(importCandidates(t.ctx, file, YEAR));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/7 bad rows, nothing was imported/);
    const errors = (e.details as { errors: Array<{ row: number; column?: string; message: string }> }).errors;
    expect(errors).toEqual([
      {
        row: 3,
        column: 'entity',
        message: expect.stringMatching(/unknown entity "Kota Kendary"; did you mean Kota Kendari \(74\.71\)/),
      },
      {
        row: 4,
        column: 'entity',
        message: expect.stringMatching(/could be Kabupaten Bekasi \(32\.16\), Kota Bekasi \(32\.75\)/),
      },
      {
        row: 5,
        column: 'kind',
        message: expect.stringMatching(/"Dinas PU" is not a unit kind of the 2025 sampling rule \(DPMPTSP, /),
      },
      { row: 6, column: 'product', message: expect.stringMatching(/product is empty/) },
      { row: 7, column: 'product', message: 'Dinas Sosial already lists "dtks" in row 2' },
      { row: 8, column: 'kind', message: 'Dinas Sosial is a Dinas Sosial in row 2, not a Puskesmas' },
      { row: 9, column: 'entity', message: 'entity is empty' },
      { row: 9, column: 'unit', message: expect.stringMatching(/unit is empty/) },
      { row: 9, column: 'kind', message: expect.stringMatching(/kind is empty/) },
    ]);
    expect(await counts()).toEqual(before);
    const missing = await failure(
      importCandidates(
        t.ctx,
        csvFile([
          ['entity', 'unit', 'product'],
          ['a', 'b', 'c'],
        ]),
        YEAR,
      ),
    );
    expect(missing.message).toMatch(/missing column kind/);
  });

  it('refuses to sample a cycle that is published, and a cycle without an instrument', async () => {
    const locked = await failure(
      drawEntitySample(t.ctx, { year: 2022, entity: 'Kota Kendari', seed: 'x', by: 'test' }),
    );
    expect(locked.code).toBe('CYCLE_LOCKED');
    const none = await failure(importCandidates(t.ctx, csvFile([HEADER, ...KENDARI]), 2024));
    expect(none.code).toBe('VALIDATION_FAILED');
    const empty = await failure(
      drawEntitySample(t.ctx, { year: YEAR, entity: 'Kota Kendari', seed: ' x', by: 'test' }),
    );
    expect(empty.message).toMatch(/spaces/);
    const nothing = await failure(drawEntitySample(t.ctx, { year: YEAR, entity: 'Kota Medan', seed: 'x', by: 'test' }));
    expect(nothing.message).toMatch(/no candidate units/);
  });
});

async function cycleId(): Promise<number | undefined> {
  const r = await t.ctx.db.selectFrom('cycles').select('id').where('year', '=', YEAR).executeTakeFirst();
  return r?.id;
}
