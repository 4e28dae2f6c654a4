/**
 * Frozen editions (issue 9, item 3; ADR 0012): the first use of an edition stores it
 * with its hash; the catalog serves the stored copy; a changed file of an edition in
 * use stops the start with a message naming the file and saying to make a new edition.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionHash } from '../../src/services/frozen-editions.ts';
import type { Catalog } from '../../src/services/instrument-catalog.ts';
import { prepareDatabase } from '../../src/services/setup.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';
import { failure } from '../helpers/errors.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const files = (): Catalog => t.ctx.catalog;

describe('frozen editions', () => {
  it('are stored with their hash when an assessment first uses them', async () => {
    const rows = (
      await sql<{ code: string; hash: string }>`select code, hash from instrument_editions order by code`.execute(
        t.ctx.db,
      )
    ).rows;
    expect(rows.map((r) => r.code)).toEqual(['pemda-2022', 'pemda-2023']);
    const source = files().editionSources?.get('pemda-2022');
    expect(rows[0]?.hash).toBe(editionHash(source?.content));
  });

  it('refuse to start when the file of an edition in use was edited, naming the file', async () => {
    const source = files().editionSources?.get('pemda-2022');
    if (!source) throw new Error('the catalog has no source for pemda-2022');
    const edited = { ...source.content, name: { id: 'Diubah', en: 'Edited' } };
    const catalog: Catalog = {
      ...files(),
      editionSources: new Map([...(files().editionSources ?? []), ['pemda-2022', { ...source, content: edited }]]),
    };
    const e = await failure(prepareDatabase(t.ctx.db, catalog));
    expect(e.code).toBe('EDITION_CHANGED');
    expect(e.message).toContain('instruments/editions/pemda-2022.json');
    expect(e.message).toContain('new edition');
  });

  it('serve the stored copy, also when the file is gone', async () => {
    const editions = new Map(files().editions);
    editions.delete('pemda-2023');
    const sources = new Map(files().editionSources ?? []);
    sources.delete('pemda-2023');
    const { catalog } = await prepareDatabase(t.ctx.db, { ...files(), editions, editionSources: sources });
    expect(catalog.editions.get('pemda-2023')?.edition).toBe('pemda-2023');
    expect(catalog.editions.get('pemda-2023')).toEqual(files().editions.get('pemda-2023'));
  });
});
