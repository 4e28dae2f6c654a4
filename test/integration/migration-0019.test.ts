/** Migration 0019 (the 2025 method's tables) goes down and up again on a database that holds its rows. */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0019 from '../../src/db/migrations/0019_method_2025.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { addProduct } from '../../src/services/supervision/products.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const tables = async () =>
  (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_name in ('public_trust', 'supervision_products', 'award_holds') order by 1`.execute(t.ctx.db)
  ).rows.map((r) => r.name);

describe('migration 0019', () => {
  it('drops its tables and the units province column, and makes them again', async () => {
    await addProduct(t.ctx, SYSTEM, {
      entity: 'Kota Kendari',
      kind: 'lahp',
      number: 'LAHP-1',
      issuedOn: '2026-01-01',
      dueOn: '2026-02-01',
      status: 'belum',
    });
    expect(await tables()).toEqual(['award_holds', 'public_trust', 'supervision_products']);
    await m0019.down(t.ctx.db as unknown as Kysely<unknown>);
    expect(await tables()).toEqual([]);
    const col =
      await sql`select 1 from information_schema.columns where table_name = 'units' and column_name = 'province_code'`.execute(
        t.ctx.db,
      );
    expect(col.rows).toHaveLength(0);
    await m0019.up(t.ctx.db as unknown as Kysely<unknown>);
    expect(await tables()).toEqual(['award_holds', 'public_trust', 'supervision_products']);
  });
});
