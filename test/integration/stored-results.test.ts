/**
 * Results stored when written (issue 9, item 7): writers store the scored, banded and
 * ranked results in their transaction; readers read them by index and never re-score.
 * A changed band scheme is re-stored at the next start (prepareDatabase).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BandScheme } from '../../src/domain/instrument/schema.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { csvFile } from '../helpers/files.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await importResults(
    t.ctx,
    csvFile([
      ['entity', 'score'],
      ['Kota Bekasi', '83.18'],
      ['Kota Kendari', '58.99'],
      ['Kota Bogor', '58.99'],
      ['Kabupaten Bekasi', '56.50'],
    ]),
    2023,
  );
});
afterAll(async () => t?.close());

const storedRows = async () =>
  (
    await sql<{ code: string; score: number; category: string; rank: number }>`
      select entity_code as code, score, category, rank from stored_results s
      join cycles c on c.id = s.cycle_id where c.year = 2023 order by entity_code`.execute(t.ctx.db)
  ).rows;

describe('stored results', () => {
  it('are written with the import: score, band and ranks', async () => {
    expect(await storedRows()).toEqual([
      { code: '32.16', score: 56.5, category: 'C', rank: 1 },
      { code: '32.71', score: 58.99, category: 'C', rank: 2 },
      { code: '32.75', score: 83.18, category: 'B', rank: 1 },
      { code: '74.71', score: 58.99, category: 'C', rank: 2 },
    ]);
  });

  it('are what a read returns: changing the inputs behind the writers changes nothing read', async () => {
    await sql`update published_entity_results set score = 10 where entity_id =
      (select id from entities where code = '32.75')`.execute(t.ctx.db);
    const one = await cycleResults(t.ctx, 2023, { entity: 'Kota Bekasi' });
    expect(one.results).toHaveLength(1);
    expect(one.results[0]).toMatchObject({ score: 83.18, category: 'B', rank: 1, source: 'published' });
    const all = await cycleResults(t.ctx, 2023);
    expect(all.results.map((r) => r.entity.code)).toEqual(['32.75', '32.71', '74.71', '32.16']);
  });

  it('are re-stored by the next write to the cycle', async () => {
    await importResults(
      t.ctx,
      csvFile([
        ['entity', 'score'],
        ['Kota Kendari', '60.00'],
      ]),
      2023,
    );
    const read = await cycleResults(t.ctx, 2023);
    const by = new Map(read.results.map((r) => [r.entity.code, r]));
    expect(by.get('32.75')).toMatchObject({ score: 10, category: 'E' });
    expect(by.get('74.71')).toMatchObject({ score: 60, rank: 1 });
    expect(by.get('32.71')).toMatchObject({ score: 58.99, rank: 2 });
  });

  it('follow a changed band scheme at the next start, and only then', async () => {
    const scheme = t.ctx.catalog.bandSchemes.get('categories-2022') as BandScheme;
    const moved: BandScheme = {
      ...scheme,
      bands: scheme.bands.map((b) => (b.category === 'C' ? { ...b, min: 57 } : b)),
    };
    const catalog = {
      ...t.ctx.catalog,
      bandSchemes: new Map([...t.ctx.catalog.bandSchemes, ['categories-2022', moved]]),
    };
    const first = await prepareDatabase(t.ctx.db, catalog);
    expect(first.resultsRestored).toEqual(['2022', '2023', '2024']);
    const read = await cycleResults({ ...t.ctx, catalog }, 2023, { entity: 'Kabupaten Bekasi' });
    expect(read.results[0]).toMatchObject({ score: 56.5, category: 'D' });
    expect((await prepareDatabase(t.ctx.db, catalog)).resultsRestored).toEqual([]);
    // and back
    expect((await prepareDatabase(t.ctx.db, t.ctx.catalog)).resultsRestored).toEqual(['2022', '2023', '2024']);
    expect((await cycleResults(t.ctx, 2023, { entity: '32.16' })).results[0]?.category).toBe('C');
  });

  it('keep both of two concurrent writers of one cycle', async () => {
    await Promise.all([
      importResults(
        t.ctx,
        csvFile([
          ['entity', 'score'],
          ['Kota Depok', '70.00'],
        ]),
        2024,
      ),
      importResults(
        t.ctx,
        csvFile([
          ['entity', 'score'],
          ['Kota Bandung', '80.00'],
        ]),
        2024,
      ),
    ]);
    const codes = (await cycleResults(t.ctx, 2024)).results.map((r) => r.entity.name);
    expect(codes).toEqual(['Kota Bandung', 'Kota Depok']);
  });
});
