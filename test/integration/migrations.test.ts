/**
 * Every migration can be undone: up, down to nothing, up again gives the same schema
 * (tables, columns, types, nullability, defaults, indexes and constraints), on PGlite
 * and on PostgreSQL. A down that forgets a table, or an up that cannot run twice after
 * its down, fails here.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateDownToNothing, migrateToLatest } from '../../src/db/database.ts';
import { createTestContext, type TestContext } from '../helpers/db.ts';

async function schemaOf(db: Database): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
           coalesce(column_default, '') as line
    from information_schema.columns where table_schema = 'public' order by 1`.execute(db);
  const indexes = await sql<{ line: string }>`
    select indexname || ': ' || regexp_replace(indexdef, '\\s+', ' ', 'g') as line
    from pg_indexes where schemaname = 'public' order by 1`.execute(db);
  const constraints = await sql<{ line: string }>`
    select conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid) as line
    from pg_constraint where connamespace = 'public'::regnamespace order by 1`.execute(db);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line);
}

async function tablesOf(db: Database): Promise<string[]> {
  const r = await sql<{ t: string }>`
    select table_name as t from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(db);
  return r.rows.map((x) => x.t);
}

describe('migrations: up, down, up', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('undoes every migration and applies them again to the same schema', async () => {
    const db = t.ctx.db;
    const before = await schemaOf(db);
    expect(before.length).toBeGreaterThan(50);
    const undone = await migrateDownToNothing(db);
    expect(undone.length).toBeGreaterThanOrEqual(9);
    expect(await tablesOf(db)).toEqual([]);
    const { applied } = await migrateToLatest(db);
    expect([...applied].sort()).toEqual([...undone].sort());
    expect(await schemaOf(db)).toEqual(before);
  });
});
