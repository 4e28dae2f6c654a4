/**
 * Bodies that were split or reshaped (registry/agencies.json "until", "successors";
 * migration 0008): nothing is written for them in a cycle after their last year —
 * answers, published results, candidates, samples, units, assignments — while their
 * results of the years they existed import and read as before. And a database
 * migrated before 0008 gets the lifespan from prepareDatabase on its next start.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCycle } from '../../src/db/repos/cycles.ts';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { createAssignment } from '../../src/services/fieldwork/assignments.ts';
import { importAnswers } from '../../src/services/imports/import-answers.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { addUnit } from '../../src/services/registry/manage-units.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { drawEntitySample } from '../../src/services/sampling/draw-sample.ts';
import { importCandidates } from '../../src/services/sampling/import-candidates.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { failure } from '../helpers/errors.ts';
import { csvFile } from '../helpers/files.ts';

const YEAR = 2025;
const ENDED =
  'Kementerian Hukum dan Hak Asasi Manusia existed until 2024; for the 2025 cycle use one of its successors: ' +
  'Kementerian Hukum, Kementerian Hak Asasi Manusia, Kementerian Imigrasi dan Pemasyarakatan';
const SUCCESSORS = [
  { code: 'KEMENKUM', name: 'Kementerian Hukum' },
  { code: 'KEMENHAM', name: 'Kementerian Hak Asasi Manusia' },
  { code: 'KEMENIMIPAS', name: 'Kementerian Imigrasi dan Pemasyarakatan' },
];

type RowErrors = Array<{ row: number; column?: string; message: string }>;

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await insertCycle(t.ctx.db, {
    year: YEAR,
    edition: 'pemda-2023',
    bandScheme: 'categories-2022',
    status: 'fieldwork',
    settings: { serviceUsersPerUnit: 2 },
  });
});
afterAll(async () => t?.close());

async function counts() {
  const r = await sql<{ a: number; u: number; p: number; c: number; s: number; g: number }>`select
    (select count(*)::int from answers) as a, (select count(*)::int from units) as u,
    (select count(*)::int from published_entity_results) as p, (select count(*)::int from unit_candidates) as c,
    (select count(*)::int from samples) as s, (select count(*)::int from assignments) as g`.execute(t.ctx.db);
  return r.rows[0];
}

describe('a body that no longer exists', () => {
  it('gets no answers in a later cycle: a row-numbered error naming its successors, nothing written', async () => {
    const before = await counts();
    const e = await failure(
      importAnswers(
        t.ctx,
        csvFile([
          ['entity', 'unit', 'indicator', 'respondent', 'value'],
          ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.01', '', '2'],
          ['Kemenkumham', 'Kantor Imigrasi Jakarta Selatan', 'PR.STD.01', '', '2'],
          ['KEMENKUM', 'Kanwil Jawa Barat', 'PR.STD.01', '', '3'],
        ]),
        YEAR,
      ),
    );
    expect(e.code).toBe('IMPORT_REJECTED');
    expect((e.details as { errors: RowErrors }).errors).toEqual([{ row: 3, column: 'entity', message: ENDED }]);
    expect(await counts()).toEqual(before);
  });

  it('keeps importing its published results of the years it existed, and they read as before', async () => {
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'score'],
        ['Kementerian Hukum dan Hak Asasi Manusia', '81.25'],
        ['BPOM', '90'],
      ]),
      2023,
    );
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'unit', 'score'],
        ['KEMENKUMHAM', 'Kantor Imigrasi Jakarta Selatan', '70'],
      ]),
      2024,
    );
    const r2023 = (await cycleResults(t.ctx, 2023)).results.find((r) => r.entity.code === 'KEMENKUMHAM');
    expect(r2023).toMatchObject({ entity: { name: 'Kementerian Hukum dan Hak Asasi Manusia' }, score: 81.25 });
    const r2024 = (await cycleResults(t.ctx, 2024, { entity: 'Kemenkumham' })).results;
    expect(r2024).toMatchObject([{ score: 70, units: [{ name: 'Kantor Imigrasi Jakarta Selatan', score: 70 }] }]);
  });

  it('gets no published results in a later cycle', async () => {
    const before = await counts();
    const e = await failure(
      importResults(
        t.ctx,
        csvFile([
          ['entity', 'score'],
          ['KEMENKUM', '80'],
          ['Kemenkumham', '75'],
          ['BKPM', '60'],
        ]),
        YEAR,
      ),
    );
    expect(e.code).toBe('IMPORT_REJECTED');
    expect((e.details as { errors: RowErrors }).errors).toEqual([
      { row: 3, column: 'entity', message: ENDED },
      {
        row: 4,
        column: 'entity',
        message:
          'Badan Koordinasi Penanaman Modal existed until 2021; for the 2025 cycle use its successor: ' +
          'Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('gets no candidates and no sample in a later cycle', async () => {
    const before = await counts();
    const e = await failure(
      importCandidates(
        t.ctx,
        csvFile([
          ['entity', 'unit', 'kind', 'product'],
          ['Kota Kendari', 'Disdukcapil', 'Disdukcapil', 'KTP-el'],
          ['Kemenkumham', 'Kantor Imigrasi Kendari', 'DPMPTSP', 'Paspor'],
        ]),
        YEAR,
      ),
    );
    expect((e.details as { errors: RowErrors }).errors).toEqual([{ row: 3, column: 'entity', message: ENDED }]);

    const draw = await failure(
      drawEntitySample(t.ctx, { year: YEAR, entity: 'Kemenkumham', seed: 'kemenkumham-2025', by: 'test' }),
    );
    expect(draw.code).toBe('NOT_ELIGIBLE');
    expect(draw.exitCode).toBe(2);
    expect(draw.message).toBe(ENDED);
    expect(draw.details).toEqual({ entity: 'KEMENKUMHAM', until: 2024, successors: SUCCESSORS });
    expect(await counts()).toEqual(before);
  });

  it('gets no units and no assessors in a later cycle; its successors do', async () => {
    const before = await counts();
    const unit = await failure(addUnit(t.ctx, SYSTEM, YEAR, 'KEMENKUMHAM', { name: 'Kantor Imigrasi Kendari' }));
    expect(unit).toMatchObject({ code: 'NOT_ELIGIBLE', message: ENDED });
    const assignment = await failure(createAssignment(t.ctx, SYSTEM, YEAR, { assessorId: 1, entity: 'KEMENKUMHAM' }));
    expect(assignment).toMatchObject({ code: 'NOT_ELIGIBLE', message: ENDED });
    expect(await counts()).toEqual(before);

    expect(await addUnit(t.ctx, SYSTEM, YEAR, 'KEMENIMIPAS', { name: 'Kantor Imigrasi Kendari' })).toMatchObject({
      name: 'Kantor Imigrasi Kendari',
      active: true,
    });
  });
});

describe('prepareDatabase on a database migrated before 0008', () => {
  it('adds the columns and fills the lifespan on the next start, then changes nothing', async () => {
    const old = await createTestContext();
    try {
      const { db } = old.ctx;
      // the database as 0007 left it: no lifespan columns, 0008 not applied
      await sql`alter table entities drop column until_year, drop column successor_codes`.execute(db);
      await sql`delete from kysely_migration where name = '0008_entity_lifespan'`.execute(db);

      const first = await prepareDatabase(db);
      expect(first.migrations).toEqual(['0008_entity_lifespan']);
      expect(first.entitiesAdded).toBe(0);
      expect(first.lifespansUpdated).toBe(10);
      expect(await findEntityByCode(db, 'KEMENKUMHAM')).toMatchObject({
        until: 2024,
        successors: ['KEMENKUM', 'KEMENHAM', 'KEMENIMIPAS'],
      });
      expect(await findEntityByCode(db, 'BKPM')).toMatchObject({ until: 2021, successors: ['KEMENINVES'] });
      expect(await findEntityByCode(db, 'KEMENKUM')).toMatchObject({ until: null, successors: [] });

      const again = await prepareDatabase(db);
      expect(again).toMatchObject({ migrations: [], entitiesAdded: 0, lifespansUpdated: 0, resultsRestored: [] });

      // a value that drifted from the registry is put back
      await sql`update entities set until_year = 2019, successor_codes = '["KEMENKUM"]' where code = 'KEMENKUMHAM'`.execute(
        db,
      );
      expect((await prepareDatabase(db)).lifespansUpdated).toBe(1);
      expect(await findEntityByCode(db, 'KEMENKUMHAM')).toMatchObject({
        until: 2024,
        successors: SUCCESSORS.map((s) => s.code),
      });
    } finally {
      await old.close();
    }
  });
});
